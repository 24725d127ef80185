using System.IO.Compression;
using System.Text;
using Jixiao.App.Rechecks;
using static Jixiao.Web.Tests.Rechecks.RecheckFiles;

namespace Jixiao.Web.Tests.Rechecks;

/// <summary>
/// Opening a 复核 upload: plain files, zips with GBK and UTF-8 names, and what a zip must not do — leave its folder,
/// nest archives, hold more entries or bytes than allowed (also when it declares less than it holds).
/// </summary>
public sealed class RecheckUploadsTests
{
    static RecheckUploadsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal static byte[] Zip(Encoding? names, params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: names))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static List<UploadItem> Expand(RecheckUploadLimits? limits, params UploadedFile[] files) => [.. RecheckUploads.Expand(files, limits ?? new RecheckUploadLimits())];

    private static readonly byte[] Text = Encoding.UTF8.GetBytes("自评表\n");

    [Fact]
    public void Names_a_Chinese_Windows_wrote_in_GBK_are_decoded_and_UTF8_names_kept()
    {
        var gbk = Zip(Encoding.GetEncoding("GB18030"), ("隆阳区/12-自评表.txt", Text), ("村级补助.txt", Text));
        var utf8 = Zip(null, ("隆阳区/12-自评表.txt", Text), ("café.txt", Text));

        Expand(null, Upload("各单位自评.zip", gbk)).OfType<UploadItem.File>().Select(f => f.Name).ShouldBe(["隆阳区/12-自评表.txt", "村级补助.txt"]);
        Expand(null, Upload("各单位自评.zip", utf8)).OfType<UploadItem.File>().Select(f => f.Name).ShouldBe(["隆阳区/12-自评表.txt", "café.txt"]);
    }

    [Fact]
    public void Entries_that_leave_the_zip_nest_archives_or_are_system_files_are_left_out_with_a_note()
    {
        var zip = Zip(null, ("../escape.txt", Text), ("/etc/passwd", Text), ("a/./b/ok.txt", Text), ("内层.zip", Zip(null, ("x.txt", Text))),
            ("__MACOSX/a/._ok.txt", Text), (".DS_Store", Text), ("空.txt", []), ("资料/", []));

        var items = Expand(null, Upload("批次.zip", zip));

        items.OfType<UploadItem.File>().Select(f => f.Name).ShouldBe(["a/b/ok.txt"]);
        items.OfType<UploadItem.Skipped>().Select(s => s.Note).ShouldBe(
        [
            "“批次.zip：../escape.txt”：路径不安全（含“..”、绝对路径或控制字符），未展开。",
            "“批次.zip：/etc/passwd”：路径不安全（含“..”、绝对路径或控制字符），未展开。",
            "“批次.zip：内层.zip”：压缩包中的压缩包不展开，请解压后单独上传，未复核。",
            "“批次.zip：空.txt”：空文件，未复核。",
            "压缩包“批次.zip”中的 2 个系统文件（__MACOSX、.DS_Store、Thumbs.db 等）不是文档，已忽略。",
        ]);
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused_before_anything_is_unzipped()
    {
        var zip = Zip(null, [.. Enumerable.Range(0, 6).Select(i => ($"{i}.txt", Text))]);

        var items = Expand(new RecheckUploadLimits { MaxZipEntries = 5 }, Upload("多.zip", zip));

        items.ShouldHaveSingleItem().ShouldBe(new UploadItem.Refused("压缩包“多.zip”内有 6 个条目，超过 5 个的上限，未展开。"));
    }

    [Fact]
    public void Files_beyond_the_batch_limits_refuse_the_upload()
    {
        var zip = Zip(null, ("1.txt", Text), ("2.txt", Text), ("3.txt", Text));
        Expand(new RecheckUploadLimits { MaxFiles = 2 }, Upload("a.zip", zip)).Last()
            .ShouldBe(new UploadItem.Refused("文件太多：每个复核批次最多 2 个文件（压缩包内的文件逐个计数），请分批上传。"));

        var big = new byte[700 * 1024];
        Expand(new RecheckUploadLimits { MaxBatchBytes = 1024 * 1024 }, Upload("1.txt", big), Upload("2.txt", big)).Last()
            .ShouldBe(new UploadItem.Refused("文件太大：一个复核批次的文件（解压后）合计不能超过 1 MB，请分批上传。"));
    }

    [Fact]
    public void An_entry_that_holds_more_than_it_declares_gives_no_more_than_it_declares()
    {
        // A zip bomb's trick: the headers say 100 bytes, the entry inflates to 3 MB. Nothing beyond the declared size
        // comes out (the declared size is what is checked against the limit), so the limit holds.
        var zip = Zip(null, ("炸弹.txt", new byte[3 * 1024 * 1024]), ("好.txt", Text));
        Declare(zip, "炸弹.txt", 100);

        var items = Expand(new RecheckUploadLimits { MaxFileBytes = 1024 * 1024 }, Upload("a.zip", zip));

        items.OfType<UploadItem.File>().Select(f => (f.Name, f.Content.Length)).ShouldBe([("炸弹.txt", 100), ("好.txt", Text.Length)]);
    }

    [Fact]
    public void An_entry_larger_than_the_file_limit_is_left_out_with_a_note()
    {
        var zip = Zip(null, ("大.txt", new byte[(1024 * 1024) + 1]), ("好.txt", Text));

        var items = Expand(new RecheckUploadLimits { MaxFileBytes = 1024 * 1024 }, Upload("a.zip", zip));

        items.OfType<UploadItem.File>().Select(f => f.Name).ShouldBe(["好.txt"]);
        items.OfType<UploadItem.Skipped>().Single().Note.ShouldBe("“a.zip：大.txt”：解压后 1 MB，超过单个文件 1 MB 的上限，未复核。");
    }

    [Fact]
    public void A_damaged_zip_refuses_the_upload_and_other_archives_are_not_opened()
    {
        Expand(null, Upload("坏.zip", [0x50, 0x4B, 1, 2, 3])).ShouldHaveSingleItem()
            .ShouldBe(new UploadItem.Refused("压缩包“坏.zip”已损坏或不是 zip 格式，无法展开。请重新压缩后上传，或直接选择其中的文件。"));
        Expand(null, Upload("资料.rar", Text)).ShouldHaveSingleItem()
            .ShouldBe(new UploadItem.Skipped("“资料.rar”：只能展开 .zip 压缩包，其他压缩格式请解压后上传，未复核。"));
    }

    /// <summary>Sets the uncompressed size an entry's local and central headers declare.</summary>
    private static void Declare(byte[] zip, string name, uint size)
    {
        var encoded = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var local = BitConverter.ToUInt32(zip, i) == 0x04034b50 && zip.AsSpan(i + 30, encoded.Length).SequenceEqual(encoded);
            var central = BitConverter.ToUInt32(zip, i) == 0x02014b50 && zip.AsSpan(i + 46, encoded.Length).SequenceEqual(encoded);
            if (local || central)
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + (local ? 22 : 24));
            }
        }
    }
}
