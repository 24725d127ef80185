using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// One round's lights by unit and by project (the same use case as GET /api/v1/monitoring/rounds/{id}/lights); a round
/// outside the user's scope is 404, like a missing one.
/// </summary>
[RequestSizeLimit(PaymentFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PaymentFormBytes, ValueLengthLimit = (int)PaymentFormBytes)]
public sealed class RoundModel(JixiaoDbContext db, AccessService access, MonitoringRules rules, TimeProvider clock) : PageModel
{
    /// <summary>A payment export sent back on confirm as base64 (4/3 of its size) must pass the form's limits.</summary>
    private const long PaymentFormBytes = (LoadPaymentExport.MaxBytes * 4 / 3) + (1024 * 1024);

    public RoundLightsView Lights { get; private set; } = null!;

    /// <summary>Whether this user may load a payment export (a clerk or a reviewer of one of its units, an admin; while it is open).</summary>
    public bool CanLoadPayments { get; private set; }

    /// <summary>The preview of an uploaded payment export, with the file to send back on confirm (base64).</summary>
    public PaymentExportLoad? PaymentPreview { get; private set; }
    public string? PaymentContent { get; private set; }

    /// <summary>Whether this user may 下达纠偏 for the round's red projects (a reviewer of their units or an admin).</summary>
    public bool CanRequestCorrections { get; private set; }

    /// <summary>The units whose red lights and warnings this user may make 整改 tasks of (a reviewer of the unit, an admin).</summary>
    public Func<int, bool> MayRectify { get; private set; } = _ => false;

    /// <summary>Whether this user may load a filled 监控表 into the round (a clerk of one of its units, while it is open).</summary>
    public bool CanLoad { get; private set; }

    /// <summary>The preview of an uploaded 监控表, with the file to send back on confirm (base64).</summary>
    public MonitoringTableLoad? Preview { get; private set; }
    public string? PreviewContent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>载入监控表, step one: read the upload and show what it matches; nothing is written.</summary>
    public async Task<IActionResult> OnPostLoadAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > LoadMonitoringTable.MaxBytes)
        {
            return this.RedirectWithMessage(new Outcome.Invalid(file is null || file.Length == 0 ? "请选择要载入的监控表文件。"
                : $"文件超过 {LoadMonitoringTable.MaxBytes / (1024 * 1024)} MB，监控表不应这么大。"), "", $"/monitoring/{id}#load");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (outcome, load) = await LoadMonitoringTable.RunAsync(db, await access.GetAsync(cancellationToken), rules, id, buffer.ToArray(), file.FileName,
            confirm: false, clock, cancellationToken);
        if (outcome is not Outcome.Done)
        {
            return this.RedirectWithMessage(outcome, "", $"/monitoring/{id}#load");
        }

        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Preview = load;
        PreviewContent = Convert.ToBase64String(buffer.ToArray());
        return Page();
    }

    /// <summary>载入监控表, step two: the same file again, written whole or not at all.</summary>
    public async Task<IActionResult> OnPostLoadConfirmAsync(int id, string? content, string? fileName, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            return this.RedirectWithMessage(new Outcome.Invalid("文件内容已损坏，请重新选择文件。"), "", $"/monitoring/{id}#load");
        }

        var (outcome, load) = await LoadMonitoringTable.RunAsync(db, await access.GetAsync(cancellationToken), rules, id, bytes, fileName ?? "",
            confirm: true, clock, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已载入 {load?.FileName}：{load?.Projects.Count} 个项目的监控表（填报中，请核对后提交）。", $"/monitoring/{id}");
    }

    /// <summary>载入支付数据, step one: read the export and show what it matches; nothing is written.</summary>
    public async Task<IActionResult> OnPostPaymentsAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > LoadPaymentExport.MaxBytes)
        {
            return this.RedirectWithMessage(new Outcome.Invalid(file is null || file.Length == 0 ? "请选择要载入的支付数据文件。"
                : $"文件超过 {LoadPaymentExport.MaxBytes / (1024 * 1024)} MB。"), "", $"/monitoring/{id}#payments");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (outcome, load) = await LoadPaymentExport.RunAsync(db, await access.GetAsync(cancellationToken), id, buffer.ToArray(), file.FileName,
            confirm: false, clock, cancellationToken);
        if (outcome is not Outcome.Done)
        {
            return this.RedirectWithMessage(outcome, "", $"/monitoring/{id}#payments");
        }

        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PaymentPreview = load;
        PaymentContent = Convert.ToBase64String(buffer.ToArray());
        return Page();
    }

    /// <summary>载入支付数据, step two: the same file again; the matched entries not submitted get their 执行数 in one save.</summary>
    public async Task<IActionResult> OnPostPaymentsConfirmAsync(int id, string? content, string? fileName, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            return this.RedirectWithMessage(new Outcome.Invalid("文件内容已损坏，请重新选择文件。"), "", $"/monitoring/{id}#payments");
        }

        var (outcome, load) = await LoadPaymentExport.RunAsync(db, await access.GetAsync(cancellationToken), id, bytes, fileName ?? "", confirm: true, clock,
            cancellationToken);
        return this.RedirectWithMessage(outcome, $"已载入 {load?.FileName}：{load?.Matched.Count(m => m.Changes)} 个项目的 1–{load?.Round.EndMonth}月执行数已按支付数据更新。",
            $"/monitoring/{id}");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var lights = await RoundLights.RunAsync(db, scope, rules, id, cancellationToken);
        if (lights is null)
        {
            return false;
        }

        Lights = lights;
        CanRequestCorrections = lights.Projects.Any(p => p.Lights.Light == Light.Red && scope.MayReview(p.UnitId));
        MayRectify = scope.MayReview;
        CanLoad = lights.Round.Status == "open" && lights.Projects.Any(p => scope.MayFillMonitoring(p.UnitId));
        CanLoadPayments = lights.Round.Status == "open" && lights.Projects.Any(p => scope.IsAdmin || scope.MayFillMonitoring(p.UnitId) || scope.MayReview(p.UnitId));
        return true;
    }

    /// <summary>下达纠偏: the red projects not asked yet get a request each (RequestCorrections); then the round's queue.</summary>
    public async Task<IActionResult> OnPostCorrectionsAsync(int id, CancellationToken cancellationToken)
    {
        var (outcome, created) = await RequestCorrections.RunAsync(db, await access.GetAsync(cancellationToken), rules, id, clock, cancellationToken);
        return this.RedirectWithMessage(outcome, created == 0 ? "红灯项目均已下达纠偏，没有新增。" : $"已对 {created} 个红灯项目下达纠偏。",
            $"/monitoring/corrections?roundId={id}");
    }

    public static string Badge(Light? light) => light switch
    {
        Light.Red => "text-bg-danger",
        Light.Yellow => "text-bg-warning",
        Light.Green => "text-bg-success",
        Light.Blue => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    public static string Name(Light? light) => light?.Chinese() ?? "无法判断";

    /// <summary>A red project's finding as a 整改 task states it: the red lights' explanations.</summary>
    public static string RedText(ProjectLightRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var red = new List<string>();
        if (row.Lights.Budget.Light == Light.Red)
        {
            red.Add("预算执行：" + row.Lights.Budget.Explanation);
        }

        red.AddRange(row.Lights.Indicators.Where(i => i.Verdict.Light == Light.Red).Select(i => $"指标“{i.Name}”：{i.Verdict.Explanation}"));
        return "运行监控红灯。" + string.Join("；", red);
    }
}
