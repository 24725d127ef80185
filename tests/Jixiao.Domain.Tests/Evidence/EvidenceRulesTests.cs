using Jixiao.Domain.Evidence;

namespace Jixiao.Domain.Tests.Evidence;

public class EvidenceRulesTests
{
    [Theory]
    [InlineData("验收报告.pdf")]
    [InlineData("2026年 第3季度 台账 (终稿).xlsx")]
    [InlineData("a..b.pdf")]
    public void A_bare_file_name_is_taken(string name) => EvidenceFileNames.Problem(name).ShouldBeNull();

    [Theory]
    [InlineData("../../x.pdf", "含有路径")]
    [InlineData("..\\..\\x.pdf", "含有路径")]
    [InlineData("/etc/passwd", "含有路径")]
    [InlineData("C:\\Users\\x.pdf", "含有路径")]
    [InlineData("..", "含有路径")]
    [InlineData("", "没有文件名")]
    [InlineData("   ", "没有文件名")]
    public void A_name_with_a_path_or_none_is_refused_saying_why(string name, string said) =>
        EvidenceFileNames.Problem(name)!.ShouldContain(said);

    [Theory]
    [InlineData("照片.pdf", EvidenceFileType.Png, "照片.png")]
    [InlineData("扫描件.JPEG", EvidenceFileType.Jpeg, "扫描件.jpg")]
    [InlineData("说明", EvidenceFileType.Docx, "说明.docx")]
    [InlineData("台账.xls", EvidenceFileType.Xls, "台账.xls")]
    public void A_file_is_listed_with_the_extension_of_what_it_holds(string name, EvidenceFileType type, string listed) =>
        EvidenceFileNames.Listed(name, type, n => n).ShouldBe(listed);

    [Theory]
    [InlineData("a.jpg", EvidenceFileType.Jpeg, true)]
    [InlineData("a.JPEG", EvidenceFileType.Jpeg, true)]
    [InlineData("a.pdf", EvidenceFileType.Png, false)]
    [InlineData("a.docx", EvidenceFileType.Doc, false)]
    public void Says_whether_the_name_agreed_with_the_content(string name, EvidenceFileType type, bool agrees) =>
        EvidenceFileNames.ExtensionAgrees(name, type).ShouldBe(agrees);

    [Theory]
    [InlineData(2026, 1, "佐证-2026-0001")]
    [InlineData(2026, 42, "佐证-2026-0042")]
    [InlineData(2027, 12345, "佐证-2027-12345")]
    public void Numbers_are_the_year_and_a_four_digit_sequence(int year, int sequence, string number) =>
        EvidenceNumbers.Format(year, sequence).ShouldBe(number);

    [Fact]
    public void A_sequence_starts_at_one() => Should.Throw<ArgumentOutOfRangeException>(() => EvidenceNumbers.Format(2026, 0));

    [Theory]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    [InlineData(1536L * 1024, "1.5 MB")]
    public void Limits_read_in_megabytes(long bytes, string text) => EvidenceLimits.Text(bytes).ShouldBe(text);

    [Theory]
    [InlineData(1L, "1 KB")]
    [InlineData(876_544L, "856 KB")]
    [InlineData(1_258_291L, "1.2 MB")]
    public void Sizes_read_in_kilobytes_below_a_megabyte(long bytes, string text) => EvidenceLimits.Size(bytes).ShouldBe(text);

    [Theory]
    [InlineData("actual", EvidenceSubject.Actual)]
    [InlineData("扣分", EvidenceSubject.Deduction)]
    [InlineData("扣分依据", EvidenceSubject.Deduction)]
    public void Subjects_read_in_english_and_chinese(string text, EvidenceSubject subject) => EvidenceSubjects.Parse(text).ShouldBe(subject);
}
