using System.Text.Json;
using Jixiao.App.Dashboard;
using Jixiao.App.Monitoring;
using Jixiao.App.Rectification;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Rectification;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

public sealed class IndexModel(JixiaoDbContext db, AccessService access, RectificationRules rectificationRules, MonitoringRules monitoringRules,
    TimeProvider clock) : PageModel
{
    /// <summary>The overdue 整改 tasks in scope (all years): both sides see them first thing, the unit to act, the reviewer to chase.</summary>
    public int OverdueRectifications { get; private set; }

    /// <summary>运行监控 warnings in scope: open rounds with red projects or late entries, 纠偏 answers owed (MonitoringAlerts).</summary>
    public MonitoringAlertView Monitoring { get; private set; } = null!;

    public DashboardData Data { get; private set; } = null!;

    /// <summary>Chart data for site.js (no inline script: the CSP forbids it). "&lt;" is escaped so text cannot close the tag.</summary>
    public string ChartJson { get; private set; } = "{}";

    /// <summary>The 预算年度 shown (<c>?year=</c>); null: all years.</summary>
    public int? Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int? year, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        Years = await DashboardSummary.YearsAsync(db, scope, cancellationToken);
        Year = year;
        Data = await DashboardSummary.RunAsync(db, scope, cancellationToken, year);
        OverdueRectifications = (await RectificationTaskList.RunAsync(db, scope, rectificationRules, new RectificationFilter(Status: "overdue"), clock,
            cancellationToken)).Count;
        Monitoring = await MonitoringAlerts.RunAsync(db, scope, monitoringRules, clock, cancellationToken);
        var chart = new
        {
            units = Data.ByUnit.Select(u => new { name = u.Name, value = Format.ToWanYuan(u.TotalFen), projects = u.Projects }),
            status = Data.ByStatus.Select(s => new { name = s.Key.Chinese(), value = s.Value }),
            grades = new[] { "优", "良", "中", "差" }.Union(Data.Grades.Select(g => g.Grade))
                .Select(g => new { name = g, value = Data.Grades.FirstOrDefault(x => x.Grade == g).Count }),
            scores = Data.ScoresByUnit.Select(u => new { name = u.Unit, value = u.Average, count = u.Evaluations, min = u.Lowest, max = u.Highest }),
            execution = Data.ExecutionByUnit.Select(u => new { name = u.Unit, value = u.Average, count = u.Evaluations, min = u.Lowest, max = u.Highest }),
            largest = Data.Largest.Select(l => new { id = l.Id, name = l.Name, value = Format.ToWanYuan(l.TotalFen) }),
        };
        ChartJson = JsonSerializer.Serialize(chart).Replace("<", "\\u003c", StringComparison.Ordinal);
    }
}
