using System.Text;
using Jixiao.Import.Reading;

namespace Jixiao.Import.Tests.Reading;

/// <summary>
/// A 绩效监控表 as units fill it mid-year, written for these tests: its columns name the months they cover
/// ("1-7月执行数", "1-7月执行情况") and hold forecasts and likelihoods beside the progress.
/// </summary>
public class MonitoringTableTests
{
    private static ReadDocument Read(string text) => DocumentReader.Read(Encoding.UTF8.GetBytes(text), "监控.txt").Document;

    [Fact]
    public void Columns_named_by_their_months_are_the_execution_and_the_progress()
    {
        var doc = Read("""
            项目支出绩效运行监控表
            项目名称 | 城区道路养护 |
            实施单位 | 某区市政所 |
            | 年度预算数 | 1-7月执行数 | 执行率 |
            年度资金总额 | 300 | 120 | 40% |
            一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-7月执行情况 | 全年预计完成值 | 偏差原因 | 完成目标可能性 |
            产出指标 | 数量指标 | 养护道路里程 | ≥50公里 | 20公里 | 50公里 | 经费保障 | 有可能 |
            效益指标 | 社会效益指标 | 道路完好率 | ≥95% | 96% | 96% | 无 | 确定能 |
            """);

        doc.Kind.ShouldBe(DocumentKind.Monitoring);
        var p = doc.Projects.ShouldHaveSingleItem();
        (p.Name, p.AmountWanYuan, p.ExecutedWanYuan).ShouldBe(("城区道路养护", 300m, 120m));
        p.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Reason)).ShouldBe([
            ("养护道路里程", "≥50公里", "20公里", "经费保障"),
            ("道路完好率", "≥95%", "96%", "无"),
        ]);
    }
}
