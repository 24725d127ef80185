using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>佐证材料目录: the annex of both outlines lists the evaluation's files by number, and only when it has some.</summary>
public class EvidenceAnnexTests
{
    private static readonly ReportEvidence[] Files =
    [
        new("佐证-2021-0001", "监控点验收报告.pdf", "新建监控点数量", "实际完成值", "PDF 文件", "1.2 MB"),
        new("佐证-2021-0002", "在线率月报.xlsx", "产出质量", "扣分依据", "Excel 表格", "86 KB"),
    ];

    private static Block.Table? Annex(ReportDocument document) =>
        document.Blocks.OfType<Block.Table>().SingleOrDefault(t => t.Caption?.StartsWith("佐证材料目录", StringComparison.Ordinal) == true);

    [Theory]
    [InlineData(ReportKind.Evaluation)]
    [InlineData(ReportKind.SelfEvaluation)]
    public void The_annex_ends_with_the_files_by_number(ReportKind kind)
    {
        var model = TestFiles.Xueliang() with { Evidence = Files };
        var document = EvaluationReport.Compose(model with { Kind = kind, Texts = model.Texts with { Title = null } });

        var annex = Annex(document)!;
        annex.Caption.ShouldBe("佐证材料目录（共2份，原件保存在预算绩效管理系统中，可按编号查阅）");
        annex.HeaderRows.Single().Cells.Select(c => c.Text).ShouldBe(["序号", "编号", "文件名", "所属指标", "证明内容", "类型、大小"]);
        annex.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ShouldBe(
        [
            ["1", "佐证-2021-0001", "监控点验收报告.pdf", "新建监控点数量", "实际完成值", "PDF 文件，1.2 MB"],
            ["2", "佐证-2021-0002", "在线率月报.xlsx", "产出质量", "扣分依据", "Excel 表格，86 KB"],
        ]);
        document.Blocks[^1].ShouldBeSameAs(annex, "the list closes the annex");
    }

    [Fact]
    public void A_report_without_files_has_no_list()
    {
        var document = EvaluationReport.Compose(TestFiles.Xueliang());
        Annex(document).ShouldBeNull();
        document.Blocks.OfType<Block.Paragraph>().ShouldNotContain(p => p.Text == "佐证材料目录");
    }

    [Fact]
    public void The_list_reaches_the_word_file()
    {
        using var stream = new MemoryStream();
        EvaluationReportWriter.WriteDocx(TestFiles.Xueliang() with { Evidence = Files }, stream);
        var text = TestFiles.DocxText(stream.ToArray());
        text.ShouldContain("佐证材料目录");
        text.ShouldContain("佐证-2021-0002");
        text.ShouldContain("在线率月报.xlsx");
    }
}
