using System.Collections.Concurrent;
using System.Security.Cryptography;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Import.Reviews;

namespace Jixiao.App.Reviews;

/// <summary>
/// The rulebooks a choice can name, read once and kept: the built-in districts' (Data/review-rulebook-{district}.json)
/// and uploaded 审核口径 files — a district's workbook as it is (.xlsx/.xls/.et, the Baoan layout) or the product's
/// JSON — keyed by the SHA-256 of their bytes, so a file is read once however many pages show its findings.
/// </summary>
public static class RulebookFiles
{
    /// <summary>A 审核口径 is a sheet of a few dozen rows; anything near this size is not one.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The product's own review rules (财预〔2015〕88号, 〔2021〕101号): no rulebook, the system's 预审.</summary>
    public const string Default = "default";

    /// <summary>An uploaded 审核口径 file.</summary>
    public const string File = "file";

    public const string DefaultTitle = "内置审核规则（财预〔2015〕88号、财预〔2021〕101号）";

    private const int Kept = 32;
    private static readonly ConcurrentDictionary<string, ReviewRulebook> Uploaded = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ReviewRulebook> Districts = new(StringComparer.Ordinal);

    /// <summary>The built-in districts by the key a choice stores ("baoan"), with their rulebooks' titles.</summary>
    public static IReadOnlyList<(string Key, string Title)> BuiltIn { get; } =
        ReviewRulebook.Districts.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(d => (d, District(d)!.Title)).ToList();

    /// <summary>A built-in district's rulebook by its key or name ("baoan", "宝安"), or null.</summary>
    public static ReviewRulebook? District(string name) =>
        ReviewRulebook.Districts.TryGetValue(name.Trim(), out var key)
            ? Districts.GetOrAdd(key, k => ReviewRulebook.ForDistrict(k) ?? throw new InvalidOperationException($"built-in rulebook {k} is missing"))
            : null;

    /// <summary>
    /// An uploaded file read as a 审核口径, or why it cannot be used (Chinese, naming the file): a workbook by its bytes
    /// (PK or the OLE signature), anything else as the product's JSON; validated as on the command line.
    /// </summary>
    public static (ReviewRulebook? Rulebook, string? Error) Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = string.IsNullOrWhiteSpace(fileName) ? "上传文件" : Path.GetFileName(fileName.Trim());
        if (content.Length == 0)
        {
            return (null, "请选择审核口径文件（宝安格式的 .xlsx，或本产品的审核口径 JSON）。");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"审核口径文件“{name}”超过 {MaxBytes / (1024 * 1024)} MB，不像是审核口径。");
        }

        var hash = Convert.ToHexString(SHA256.HashData(content));
        if (Uploaded.TryGetValue(hash, out var kept))
        {
            return (kept, null);
        }

        ReviewRulebook rulebook;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            rulebook = IsWorkbook(content) ? RulebookWorkbook.Read(stream, name) : ReviewRulebook.Load(stream);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"审核口径文件“{name}”不能使用：{ex.Message}");
        }

        if (Uploaded.Count >= Kept)
        {
            Uploaded.Clear();
        }

        Uploaded[hash] = rulebook;
        return (rulebook, null);
    }

    private static bool IsWorkbook(byte[] content) =>
        content is [0x50, 0x4B, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..];
}
