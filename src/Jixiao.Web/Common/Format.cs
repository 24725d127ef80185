using System.Globalization;
using Jixiao.Data.Entities;

namespace Jixiao.Web.Common;

/// <summary>How amounts and states are shown in the UI.</summary>
public static class Format
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>分 → "1,234.56" 万元 (two decimals, as the target tables print them).</summary>
    public static string WanYuan(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,##0.00", Chinese) : "—";

    public static decimal? ToWanYuan(long? fen) => fen is { } f ? f / 1_000_000m : null;

    public static long ToFen(decimal wanYuan) => (long)decimal.Round(wanYuan * 1_000_000m, 0, MidpointRounding.AwayFromZero);

    public static string StatusBadge(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "text-bg-secondary",
        ReviewStatus.Submitted => "text-bg-primary",
        ReviewStatus.Returned => "text-bg-warning",
        ReviewStatus.Approved => "text-bg-success",
        _ => "text-bg-light",
    };

    public static string Time(DateTimeOffset at) => ChinaTime.Text(at);

    public static string Direction(string? direction) => direction switch
    {
        "up" => "越高越好",
        "down" => "越低越好",
        "keep" => "保持",
        "attain" => "达成与否",
        _ => "未说明",
    };

    public static string Kind(string? kind) => kind switch
    {
        "quantitative" => "定量",
        "qualitative" => "定性",
        "ratio" => "比例",
        "range" => "区间",
        _ => "空",
    };

    public static string Comparator(string? comparator) => comparator switch
    {
        ">=" => "≥",
        ">" => "＞",
        "<=" => "≤",
        "<" => "＜",
        "=" => "＝",
        _ => "",
    };

    public static string Number(decimal? value) => Numbers.Text(value);

    public static string AuditField(string field) => field switch
    {
        "status" => "审核状态",
        "periodTarget" => "实施周期指标值",
        "annualTarget" => "年度指标值",
        "name" => "指标名称",
        "explanation" => "指标解释",
        "code" => "项目编码",
        "goal" => "绩效目标（年度目标）",
        "annualGoal" => "年度目标",
        "periodGoal" => "实施期目标",
        "policyBasis" => "政策依据",
        "costBasis" => "测算依据",
        "total" => "本年金额",
        "periodTotal" => "项目总金额",
        _ => field,
    };
}
