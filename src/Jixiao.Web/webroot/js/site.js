// Jixiao web: charts from JSON blocks (the CSP allows no inline script) and small htmx helpers.
(function () {
    'use strict';

    function readJson(id) {
        var node = document.getElementById(id);
        return node ? JSON.parse(node.textContent) : null;
    }

    function chart(id, option) {
        var node = document.getElementById(id);
        if (!node || !window.echarts) { return; }
        var c = echarts.init(node);
        c.setOption(option);
        window.addEventListener('resize', function () { c.resize(); });
        return c;
    }

    var palette = ['#1f6fb2', '#3fa7a0', '#f0a04b', '#d9534f', '#7a5ea8', '#5cb85c'];
    var statusColors = { '草稿': '#9aa5b1', '已提交': '#1f6fb2', '退回': '#f0a04b', '审核通过': '#3fa76a' };
    var data = readJson('dashboard-data');
    if (data) {
        chart('chart-units', {
            color: palette,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 70, top: 10, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: data.units.map(function (u) { return u.name; }).reverse(), axisLabel: { width: 180, overflow: 'truncate' } },
            series: [{ type: 'bar', barMaxWidth: 36, data: data.units.map(function (u) { return u.value; }).reverse(), label: { show: true, position: 'right' } }]
        });
        chart('chart-status', {
            color: ['#9aa5b1', '#1f6fb2', '#f0a04b', '#3fa76a'],
            tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
            legend: { bottom: 0 },
            series: [{ type: 'pie', radius: ['45%', '70%'], data: data.status.filter(function (s) { return s.value > 0; }).map(function (s) {
                return { name: s.name, value: s.value, itemStyle: { color: statusColors[s.name] } };
            }), label: { formatter: '{b}\n{c}' } }]
        });
        chart('chart-grades', {
            color: ['#3fa76a'],
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.grades.map(function (g) { return g.name; }) },
            yAxis: { type: 'value', minInterval: 1, name: '个' },
            series: [{ type: 'bar', barMaxWidth: 40, data: data.grades.map(function (g) { return g.value; }), label: { show: true, position: 'top' } }]
        });
        // A unit's average over its evaluations, with count, lowest and highest in the tooltip (chart() skips a missing node).
        function unitAverages(id, color, items, unit, xAxis, extra) {
            var series = { type: 'bar', barMaxWidth: 28, data: items.map(function (u) { return u.value; }).reverse(), label: { show: true, position: 'right' } };
            chart(id, {
                color: [color],
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) {
                    var u = items[items.length - 1 - p[0].dataIndex];
                    return echarts.format.encodeHTML(u.name) + '<br>平均 ' + u.value + unit + '（' + u.count + ' 个评价，' + u.min + unit + '–' + u.max + unit + '）';
                } },
                grid: { left: 8, right: 50, top: extra ? 28 : 10, bottom: 8, containLabel: true },
                xAxis: xAxis,
                yAxis: { type: 'category', data: items.map(function (u) { return u.name; }).reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
                series: [extra ? Object.assign(series, extra) : series]
            });
        }
        unitAverages('chart-scores', '#5b7bd5', data.scores, ' 分', { type: 'value', min: 0, max: 100, name: '分' });
        unitAverages('chart-execution', '#d08a2e', data.execution, '%', { type: 'value', min: 0, name: '%' },
            { markLine: { silent: true, symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#999', type: 'dashed' }, label: { formatter: '100%' } } });
        var largest = chart('chart-largest', {
            color: ['#3fa7a0'],
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 70, top: 10, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: data.largest.map(function (p) { return p.name; }).reverse(), axisLabel: { width: 260, overflow: 'truncate' } },
            series: [{ type: 'bar', data: data.largest.map(function (p) { return p.value; }).reverse(), label: { show: true, position: 'right' } }]
        });
        if (largest) {
            largest.on('click', function (e) {
                var p = data.largest[data.largest.length - 1 - e.dataIndex];
                if (p) { window.location.href = '/projects/' + p.id; }
            });
        }
    }

    // Confirmation for workflow buttons: <button data-confirm="…">.
    document.addEventListener('submit', function (e) {
        var button = e.submitter;
        if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) { e.preventDefault(); }
    });
})();

// Upload progress for the 导入 form (htmx reports XHR progress events).
document.addEventListener('htmx:xhr:progress', function (e) {
    var bar = document.getElementById('upload-progress');
    if (bar && e.detail.lengthComputable) {
        var pct = Math.round(e.detail.loaded / e.detail.total * 100);
        bar.style.width = pct + '%';
        bar.textContent = pct + '%';
    }
});

// Downloads: <a data-download href="/api/v1/…">. Fetches the file so that a slow one (PDF, a second or more) shows
// its spinner (.htmx-indicator inside the link, shown by the htmx-request class) and a refusal shows the server's
// Chinese message (ProblemDetails detail) in #download-error instead of a JSON page.
document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a[data-download]') : null;
    if (!link) { return; }
    e.preventDefault();
    if (link.classList.contains('htmx-request')) { return; }
    var box = document.getElementById('download-error');
    if (box) { box.textContent = ''; box.classList.add('d-none'); }
    link.classList.add('htmx-request');
    link.setAttribute('aria-busy', 'true');
    function fail(message) {
        if (box) { box.textContent = message; box.classList.remove('d-none'); } else { window.alert(message); }
    }
    fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok) {
            return response.json().then(function (p) { fail(p.detail || p.title || ('下载失败（' + response.status + '）')); },
                function () { fail('下载失败（' + response.status + '）。'); });
        }
        var name = 'download';
        var header = response.headers.get('Content-Disposition') || '';
        var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
        var plain = /filename="?([^";]+)"?/i.exec(header);
        if (star) { name = decodeURIComponent(star[1]); } else if (plain) { name = plain[1]; }
        return response.blob().then(function (blob) {
            var url = URL.createObjectURL(blob);
            var a = document.createElement('a');
            a.href = url;
            a.download = name;
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        });
    }).catch(function () { fail('下载失败：无法连接服务器。'); }).then(function () {
        link.classList.remove('htmx-request');
        link.removeAttribute('aria-busy');
    });
});

// The evaluation sheet's message box shows the answer to the last edit only: cleared when the next one is sent.
document.addEventListener('htmx:beforeRequest', function (e) {
    var box = document.getElementById('evaluation-error');
    if (box && e.target.closest && e.target.closest('#evaluation')) { box.textContent = ''; }
});

// A page that answers 429 (too many files being read) or 422 (a file that took too long to read) is still a page with
// the server's message: htmx swaps it in instead of dropping it as an error.
document.addEventListener('htmx:beforeSwap', function (e) {
    var status = e.detail.xhr.status;
    if ((status === 429 || status === 422) && (e.detail.xhr.getResponseHeader('Content-Type') || '').indexOf('text/html') === 0) {
        e.detail.shouldSwap = true;
        e.detail.isError = false;
    }
});

// 佐证材料: a file over the limit the page states is refused before it is sent (<input data-max-bytes data-too-large>);
// the server refuses it too.
document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) { return; }
    var max = Number(input.dataset.maxBytes);
    var file = input.files && input.files[0];
    input.setCustomValidity(file && file.size > max ? (input.dataset.tooLarge || '文件过大。') : '');
    input.reportValidity();
});
