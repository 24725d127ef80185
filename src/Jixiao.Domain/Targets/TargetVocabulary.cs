namespace Jixiao.Domain.Targets;

/// <summary>
/// The words of qualitative 指标值 and the direction each one states. When a text holds words of several
/// directions, the stronger statement wins: a change (下降 over 持续 in "持续下降", 提高 over 有效 in "有效提高")
/// beats holding a level, which beats a bare attainment word.
/// </summary>
public static class TargetVocabulary
{
    public static IReadOnlyList<string> Down { get; } =
        ["有所下降", "持续下降", "逐年下降", "下降", "有所减少", "减少", "降低", "减小", "压缩", "压减", "缩短", "递减", "减轻", "遏制"];

    public static IReadOnlyList<string> Up { get; } =
        ["有所增加", "有所提高", "有所提升", "进一步提高", "进一步提升", "提高", "提升", "增加", "增长", "上升", "扩大", "加强", "增强",
         "改善", "优化", "增多", "拓展", "加大", "加快", "增进"];

    public static IReadOnlyList<string> Keep { get; } = ["保持", "持续", "维持", "稳定", "巩固"];

    public static IReadOnlyList<string> Attain { get; } =
        ["如期完工", "如期完成", "按期完成", "按时完成", "按时", "按期", "如期", "及时", "准时", "达标", "合规", "合格", "规范", "正常", "完备",
         "完善", "充分", "有效", "满意", "优良", "良好", "达到要求", "符合要求", "符合", "达到", "达成", "完成", "落实", "到位", "按规定",
         "按照相关规定", "按标准", "不得高于", "不高于", "不超过", "无"];

    private static readonly (string Word, Direction Direction)[] Words =
        Down.Select(w => (w, Direction.Down))
            .Concat(Up.Select(w => (w, Direction.Up)))
            .Concat(Keep.Select(w => (w, Direction.Keep)))
            .Concat(Attain.Select(w => (w, Direction.Attain)))
            .ToArray();

    private static readonly Dictionary<char, (string Word, Direction Direction)[]> ByFirstChar =
        Words.GroupBy(w => w.Word[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());

    /// <summary>The direction a text states and the word that states it; (null, null) when no word is known.</summary>
    public static (Direction? Direction, string? Keyword) Match(string normalizedText)
    {
        Direction? best = null;
        string? keyword = null;
        var s = normalizedText;
        for (var i = 0; i < s.Length; i++)
        {
            if (!ByFirstChar.TryGetValue(s[i], out var candidates))
            {
                continue;
            }

            foreach (var (word, direction) in candidates)
            {
                if (i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0)
                {
                    if (best is null || Rank(direction) < Rank(best.Value))
                    {
                        best = direction;
                        keyword = word;
                    }

                    i += word.Length - 1;
                    break;
                }
            }
        }

        return (best, keyword);
    }

    private static int Rank(Direction direction) => direction switch
    {
        Direction.Down => 0,
        Direction.Up => 1,
        Direction.Keep => 2,
        Direction.Attain => 3,
        _ => 4,
    };
}
