using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Evaluations;

/// <summary>The spellings of kinds, methods and ratings in sheets (JSON, Excel) and in Chinese output, in one place.</summary>
public static class EvaluationNames
{
    public static string Chinese(this EvaluationKind kind) => kind switch
    {
        EvaluationKind.SelfEvaluation => "单位自评",
        EvaluationKind.DepartmentEvaluation => "部门评价",
        EvaluationKind.FinanceEvaluation => "财政评价",
        EvaluationKind.ThirdPartyEvaluation => "第三方评价",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseKind(string? text, out EvaluationKind kind)
    {
        var key = Key(text);
        EvaluationKind? found = key switch
        {
            "单位自评" or "自评" or "项目自评" or "self" or "selfevaluation" => EvaluationKind.SelfEvaluation,
            "部门评价" or "部门" or "department" or "departmentevaluation" => EvaluationKind.DepartmentEvaluation,
            "财政评价" or "财政重点评价" or "财政" or "finance" or "financeevaluation" => EvaluationKind.FinanceEvaluation,
            "第三方评价" or "第三方" or "thirdparty" or "thirdpartyevaluation" => EvaluationKind.ThirdPartyEvaluation,
            _ => null,
        };
        kind = found ?? default;
        return found is not null;
    }

    /// <summary>The machine name used in JSON: proportional, tiers, qualitative, deduction, binary, manual.</summary>
    public static string Name(this ScoringMethod method) => method switch
    {
        ScoringMethod.Proportional => "proportional",
        ScoringMethod.Tiers => "tiers",
        ScoringMethod.Qualitative => "qualitative",
        ScoringMethod.Deduction => "deduction",
        ScoringMethod.Binary => "binary",
        ScoringMethod.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static string Chinese(this ScoringMethod method) => method switch
    {
        ScoringMethod.Proportional => "比例",
        ScoringMethod.Tiers => "档次",
        ScoringMethod.Qualitative => "定性",
        ScoringMethod.Deduction => "扣分",
        ScoringMethod.Binary => "是否",
        ScoringMethod.Manual => "人工",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static bool TryParseMethod(string? text, out ScoringMethod method)
    {
        ScoringMethod? found = Key(text) switch
        {
            "proportional" or "比例" or "比例法" or "定量" or "正向" or "计算" => ScoringMethod.Proportional,
            "tiers" or "tier" or "档次" or "分档" or "区间" => ScoringMethod.Tiers,
            "qualitative" or "定性" => ScoringMethod.Qualitative,
            "deduction" or "扣分" or "扣分法" => ScoringMethod.Deduction,
            "binary" or "是否" or "达标" or "二值" => ScoringMethod.Binary,
            "manual" or "人工" or "打分" or "人工评分" => ScoringMethod.Manual,
            _ => null,
        };
        method = found ?? default;
        return found is not null;
    }

    public static string Chinese(this QualitativeRating rating) => rating switch
    {
        QualitativeRating.Achieved => "达成",
        QualitativeRating.PartlyAchieved => "部分达成",
        QualitativeRating.NotAchieved => "未达成",
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    /// <summary>
    /// Reads a 定性 rating as reports write it: "达成", "全部或基本达成预期指标", "部分达成…", "未达成…", also 是/否.
    /// </summary>
    public static bool TryParseRating(string? text, out QualitativeRating rating)
    {
        var key = Key(text);
        QualitativeRating? found = null;
        if (key.Length > 0)
        {
            if (key.Contains("未达", StringComparison.Ordinal) || key.Contains("未完成", StringComparison.Ordinal)
                || key is "否" or "no" or "false" or "notachieved" or "未达成")
            {
                found = QualitativeRating.NotAchieved;
            }
            else if (key.Contains("部分", StringComparison.Ordinal) || key is "partlyachieved" or "partly")
            {
                found = QualitativeRating.PartlyAchieved;
            }
            else if (key.Contains("达成", StringComparison.Ordinal) || key.Contains("达到", StringComparison.Ordinal)
                     || key.Contains("完成", StringComparison.Ordinal) || key is "是" or "yes" or "true" or "achieved" or "met")
            {
                found = QualitativeRating.Achieved;
            }
        }

        rating = found ?? default;
        return found is not null;
    }

    /// <summary>The band of a rating in percent of the weight: [Min, Max], Max exclusive except for 达成 (rule 10).</summary>
    public static (decimal Min, decimal Max) Band(this QualitativeRating rating) => rating switch
    {
        QualitativeRating.Achieved => (80m, 100m),
        QualitativeRating.PartlyAchieved => (60m, 80m),
        QualitativeRating.NotAchieved => (0m, 60m),
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    /// <summary>The rating whose band holds a percent.</summary>
    public static QualitativeRating RatingOf(decimal percent) =>
        percent >= 80m ? QualitativeRating.Achieved : percent >= 60m ? QualitativeRating.PartlyAchieved : QualitativeRating.NotAchieved;

    public static bool TryParseDirection(string? text, out Direction direction)
    {
        Direction? found = Key(text) switch
        {
            "up" or "正向" or "越高越好" or "higher" or "≥" or ">=" => Direction.Up,
            "down" or "反向" or "越低越好" or "lower" or "≤" or "<=" => Direction.Down,
            _ => null,
        };
        direction = found ?? default;
        return found is not null;
    }

    public static bool TryParseLowerIsBetterRule(string? text, out LowerIsBetterRule rule)
    {
        LowerIsBetterRule? found = Key(text) switch
        {
            "deviation" or "偏差" or "" => LowerIsBetterRule.Deviation,
            "ratio" or "比值" or "t/a" => LowerIsBetterRule.Ratio,
            _ => null,
        };
        rule = found ?? default;
        return found is not null;
    }

    private static string Key(string? text) =>
        text is null ? "" : ChineseText.Collapse(text).ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
