using FsCheck;
using FsCheck.Fluent;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

/// <summary>The parser is total: any string, however mangled, comes back as a target that keeps the text.</summary>
public class TargetParserPropertyTests
{
    private static readonly string[] Fragments =
    [
        "≥", "≤", ">", "<", "=", "＞", "＜", "＝", ">=", "<=", "≧", "≦", "大于", "不低于", "以上", "以内", "以下", "内", "达到", "达",
        "95", "100", "0", "1,474.8", "2,450", "0.5", ".5", "9999999999999999999999999999999", "１２", "一", "两", "十二", "百",
        "%", "％", "‰", "个", "人次", "个工作日", "元/月/点", "万元", "小时", ":", "：", "-", "~", "至", "[", "]", "(", ")", ",",
        "，", "；", "。", " ", "\u3000", "提高", "下降", "保持", "达标", "满意度", "率", "\\geq", "$", "\\%", "\0", "\uFFFD", "\uD800",
    ];

    private static Gen<string> MutatedTargets =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

    [Fact]
    public void Never_throws_and_always_keeps_the_text_of_random_strings()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var target = TargetParser.Parse(text);
            return target.Text == (text ?? "");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), property);
    }

    [Fact]
    public void Never_throws_and_always_keeps_the_text_of_mutated_target_values()
    {
        var property = Prop.ForAll(Arb.From(MutatedTargets), text =>
        {
            var target = TargetParser.Parse(text);
            var json = TargetJson.From(target);
            return target.Text == text && json.Text == text
                && (target is Target.Qualitative || json.Value is not null);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5000), property);
    }

    [Fact]
    public void Parsing_is_deterministic()
    {
        var property = Prop.ForAll(Arb.From(MutatedTargets), text => TargetParser.Parse(text) == TargetParser.Parse(text));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }
}
