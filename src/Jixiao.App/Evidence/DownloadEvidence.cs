using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Domain.Evidence;

namespace Jixiao.App.Evidence;

/// <summary>A stored file to send: its bytes (the caller disposes the stream), MIME type, the name to save it under and its length.</summary>
public sealed record EvidenceDownload(Stream Content, string ContentType, string FileName, long Length);

/// <summary>
/// 下载佐证材料: a file of an owner the user sees (outside the scope: 404 like a missing one); its MIME type is the sniffed
/// type's, never the name's. The host sends it as an attachment with nosniff (docs/evidence.md).
/// </summary>
public static class DownloadEvidence
{
    public static async Task<(Outcome Outcome, EvidenceDownload? File)> RunAsync(JixiaoDbContext db, AccessScope scope, EvidenceStore store, int id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await EvidenceList.OneAsync(db, scope, id, cancellationToken) is not { } one)
        {
            return (new Outcome.NotFound($"找不到佐证材料 {id}。"), null);
        }

        var file = one.File;
        if (file.DeletedAt is { } deleted)
        {
            return (new Outcome.NotFound($"佐证材料 {file.Number} 已于 {ChinaTime.Text(deleted)} 删除，文件不再保存。"), null);
        }

        var content = store.OpenRead(file.StorageKey);
        if (content is null)
        {
            return (new Outcome.Unavailable($"佐证材料 {file.Number} 的文件在服务器上找不到，请联系系统管理员检查佐证材料目录。"), null);
        }

        return (Outcome.Ok, new EvidenceDownload(content, file.FileType.ContentType(), file.FileName, content.Length));
    }
}
