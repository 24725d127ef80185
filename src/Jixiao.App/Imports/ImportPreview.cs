using Jixiao.Data.Entities;
using Jixiao.Import.Imports;
using Jixiao.Import.Reading;

namespace Jixiao.App.Imports;

/// <summary>
/// What a confirmed import would do: the importer's result, the projects the store already has (skipped), and the
/// units the user may not import into. <see cref="CanConfirm"/> only when the whole file can land.
/// </summary>
public sealed record ImportPreview(ImportBatchEntity Batch, ImportResult Result, IReadOnlyList<string> Existing, IReadOnlyList<string> ForeignUnits,
    ReadDocument? Document = null)
{
    /// <summary>What the document is, as the reader recognised it (绩效目标表, 自评表, 监控表, 评价报告).</summary>
    public string KindTitle => Document is null ? "—" : ReadDocument.KindTitle(Document.Kind);

    /// <summary>The findings of the recheck (numbers of the document that do not compute).</summary>
    public IReadOnlyList<ReadFinding> Findings => Document?.Findings ?? [];

    public bool CanConfirm => Batch.Status == ImportStatus.Pending && Result.Succeeded && ForeignUnits.Count == 0
        && Result.Projects.Count() > Existing.Count;

    /// <summary>The 预算年度 the projects will get (stated by the file, or chosen at upload); empty when none.</summary>
    public IReadOnlyList<int> FiscalYears => Result.Projects.Where(p => p.FiscalYear is not null).Select(p => p.FiscalYear!.Value).Distinct().Order().ToList();

    public string? Blocker => Batch.Status != ImportStatus.Pending ? null
        : !Result.Succeeded ? "文件中有错误（见下方诊断），整份文件不会导入。请修正后重新上传。"
        : ForeignUnits.Count > 0 ? $"文件中的单位“{string.Join("、", ForeignUnits)}”不是您负责的单位，不能导入。"
        : Result.Projects.Count() <= Existing.Count ? "文件中的项目都已在系统中，没有可导入的新项目。"
        : null;
}
