using System.Text.Json;

namespace Jixiao.Cli.Tests;

public class TargetCommandTests
{
    [Fact]
    public void Prints_the_documented_json_shape()
    {
        var (code, output, _) = CliRunner.Run("target", "≥ 95 %", "--json");

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("text").GetString().ShouldBe("≥ 95 %");
        root.GetProperty("kind").GetString().ShouldBe("quantitative");
        root.GetProperty("comparator").GetString().ShouldBe(">=");
        root.GetProperty("implicit").GetBoolean().ShouldBeFalse();
        root.GetProperty("value").GetDecimal().ShouldBe(95m);
        root.GetProperty("max").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("unit").GetString().ShouldBe("%");
        root.GetProperty("direction").GetString().ShouldBe("up");
    }

    [Fact]
    public void Marks_a_bare_value_as_implicit_with_a_null_comparator()
    {
        var (_, output, _) = CliRunner.Run("target", "10辆", "--json");

        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("implicit").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("comparator").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("unit").GetString().ShouldBe("辆");
    }

    [Fact]
    public void Prints_several_values_as_an_array()
    {
        var (_, output, _) = CliRunner.Run("target", "提高", "80%-90%", "--json");

        using var json = JsonDocument.Parse(output);
        json.RootElement.GetArrayLength().ShouldBe(2);
        json.RootElement[0].GetProperty("direction").GetString().ShouldBe("up");
        json.RootElement[1].GetProperty("max").GetDecimal().ShouldBe(90m);
    }

    [Fact]
    public void Explains_a_value_in_chinese_without_json()
    {
        var (code, output, _) = CliRunner.Run("target", "48小时内解决");

        code.ShouldBe(0);
        output.ShouldContain("类型：定量");
        output.ShouldContain("单位：小时");
        output.ShouldContain("方向：越低越好");
    }

    [Fact]
    public void Missing_text_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run("target");

        code.ShouldBe(1);
        error.ShouldContain("缺少指标值文本");
    }

    [Fact]
    public void Unknown_options_are_refused_not_ignored()
    {
        var (code, _, error) = CliRunner.Run("target", "95%", "--jsn");

        code.ShouldBe(1);
        error.ShouldContain("不认识的选项：--jsn");
    }
}
