using System.Text;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Tests.Reading.Formats;

/// <summary>
/// A read past its time budget stops (issue #14, item 2): the cancellation is checked at every cell a format adapter
/// emits and between the reader's stages, and ends the read with OperationCanceledException — the one exception the
/// readers let through — never with a "damaged file" diagnostic.
/// </summary>
public class CancelledReadTests
{
    /// <summary>A stream that cancels the read once the reader has taken its bytes: the cells are read already cancelled.</summary>
    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource cancellation) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            if (read == 0)
            {
                cancellation.Cancel();
            }

            return read;
        }
    }

    [Theory]
    [InlineData("targets.xlsx")]
    [InlineData("targets.txt")]
    public void A_read_cancelled_while_its_cells_are_read_stops_instead_of_reporting_a_damaged_file(string name)
    {
        var bytes = name.EndsWith(".xlsx", StringComparison.Ordinal)
            ? File.ReadAllBytes(FormatFiles.Xlsx("cancelled.xlsx"))
            : Encoding.UTF8.GetBytes("一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 改造数量 | ≥3个\n");
        using var cancellation = new CancellationTokenSource();
        using var stream = new CancellingStream(bytes, cancellation);

        Should.Throw<OperationCanceledException>(() => FormatReader.Read(stream, name, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void The_document_reader_stops_at_its_first_stage_once_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Should.Throw<OperationCanceledException>(() => DocumentReader.Read(Encoding.UTF8.GetBytes("项目名称 | 甲 |"), "a.txt", null, cancellation.Token));
    }

    [Fact]
    public void An_uncancelled_read_reads_as_before()
    {
        using var cancellation = new CancellationTokenSource();
        using var stream = new MemoryStream(File.ReadAllBytes(FormatFiles.Xlsx("not-cancelled.xlsx")));

        var document = FormatReader.Read(stream, "not-cancelled.xlsx", cancellationToken: cancellation.Token);

        document.Grids.ShouldNotBeEmpty();
        document.Diagnostics.ShouldNotContain(d => d.Code == FormatCodes.Corrupt);
    }
}
