using Jixiao.App.Evidence;
using Jixiao.Domain.Evidence;
using Microsoft.AspNetCore.Http.Features;

namespace Jixiao.Web.Evidence;

/// <summary>
/// Reads a 佐证材料 upload (multipart/form-data, field <c>file</c>, small text fields beside it) for the API and the
/// pages alike. A body whose declared length is beyond the file limit is refused before a byte is read (a client that
/// sent Expect: 100-continue sends nothing); otherwise the form reader takes at most the limit plus the form's own
/// overhead, keeping the file on disk above 64 KB (ASP.NET's buffering), never in memory, and the use case copies it
/// into the store with its own counting limit.
/// </summary>
internal static class EvidenceUploads
{
    /// <summary>What a multipart form adds to its file: boundaries, part headers, the other fields.</summary>
    private const long Overhead = 1024 * 1024;

    public static async Task<(Outcome? Refused, IFormFile? File, IFormCollection? Form)> ReadAsync(HttpRequest request, EvidenceLimits limits,
        CancellationToken cancellationToken)
    {
        var max = limits.MaxFileBytes + Overhead;
        var tooLarge = new Outcome.TooLarge($"上传的文件超过 {EvidenceLimits.Text(limits.MaxFileBytes)}，未上传。单个佐证材料不能超过 {EvidenceLimits.Text(limits.MaxFileBytes)}；"
            + "扫描件请降低分辨率或分成几个文件上传。");
        if (!request.HasFormContentType)
        {
            return (new Outcome.Invalid("请以 multipart/form-data 上传，文件放在字段 file 中。"), null, null);
        }

        if (request.ContentLength > max)
        {
            return (tooLarge, null, null);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max, ValueLengthLimit = 8 * 1024, ValueCountLimit = 20 },
                cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (tooLarge, null, null);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (tooLarge, null, null);
        }
        catch (InvalidDataException)
        {
            return (new Outcome.Invalid("上传的内容不完整或格式有误，请重新选择文件上传。"), null, null);
        }

        if (form.Files.Count > 1)
        {
            return (new Outcome.Invalid("一次只能上传一个文件。"), null, null);
        }

        return form.Files.GetFile("file") is { } file
            ? (null, file, form)
            : (new Outcome.Invalid("请选择要上传的文件（字段 file）。"), null, null);
    }

    /// <summary>The version a form posts (a whole number), or null.</summary>
    public static long? Version(IFormCollection form) =>
        long.TryParse(form["version"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A text field, or null when absent or blank.</summary>
    public static string? Text(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;
}
