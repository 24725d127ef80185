namespace Jixiao.Import.Imports;

/// <summary>
/// The stable diagnostic codes of the importer, in one place. Documented in docs/import.md; never renumber.
/// </summary>
public static class ImportCodes
{
    // The file as a whole
    /// <summary>The file is empty or holds only blank lines.</summary>
    public const string EmptyFile = "IMP001";
    /// <summary>The bytes are not text, Excel or PDF.</summary>
    public const string Binary = "IMP002";
    /// <summary>The file is larger than <see cref="ImportOptions.MaxTextBytes"/>.</summary>
    public const string TooLarge = "IMP003";
    /// <summary>No known table header (项目名称/总计/… or 一级指标/二级指标/三级指标) was found.</summary>
    public const string NoHeader = "IMP004";
    /// <summary>The Excel file is damaged or truncated.</summary>
    public const string BadWorkbook = "IMP005";
    /// <summary>The Excel file expands to far more than its size (a zip bomb) or exceeds the size limit.</summary>
    public const string ZipBomb = "IMP006";
    /// <summary>pdftotext (poppler-utils) is not installed.</summary>
    public const string PdfToolMissing = "IMP007";
    /// <summary>pdftotext failed or the PDF holds no text (a scan).</summary>
    public const string PdfFailed = "IMP008";
    /// <summary>Bytes that are not valid in the detected encoding were replaced.</summary>
    public const string BadEncoding = "IMP009";

    // Lines and rows
    /// <summary>A line that the reader could not place (not a title, header, unit, project, goal or indicator).</summary>
    public const string UnusedLine = "IMP010";
    /// <summary>An amount cell that is not a number.</summary>
    public const string BadAmount = "IMP011";
    /// <summary>总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金 on one row.</summary>
    public const string RowDoesNotAdd = "IMP012";
    /// <summary>A unit's stated subtotal ≠ the sum of its projects.</summary>
    public const string UnitDoesNotAdd = "IMP013";
    /// <summary>The table's 合计 ≠ the sum of its units.</summary>
    public const string TableDoesNotAdd = "IMP014";
    /// <summary>A project without 绩效目标 or without 绩效指标.</summary>
    public const string ProjectIncomplete = "IMP015";
    /// <summary>A project row before any unit row: the project is put under the department or a placeholder unit.</summary>
    public const string NoUnit = "IMP016";
    /// <summary>Further diagnostics of one code were counted but not listed.</summary>
    public const string TooManyDiagnostics = "IMP019";

    // The encoded indicator cell "1、1-产出指标,12-质量指标,…；实施周期指标值:…,年度指标值:…；"
    /// <summary>An indicator cell (or part of it) that holds no readable indicator.</summary>
    public const string IndicatorUnreadable = "IMP020";
    /// <summary>Numbering restarts at 1 inside one cell ("1、2、1、").</summary>
    public const string NumberingRestarted = "IMP021";
    /// <summary>Numbering skips or repeats a number.</summary>
    public const string NumberingGap = "IMP022";
    /// <summary>一级/二级 codes or names that disagree; the message says what was read and why.</summary>
    public const string CategoryCorrected = "IMP023";
    /// <summary>An 一级 or 二级 category that is not in the taxonomy.</summary>
    public const string CategoryUnknown = "IMP024";
    /// <summary>An indicator without 实施周期指标值 or 年度指标值.</summary>
    public const string TargetMissing = "IMP025";
    /// <summary>Text in an indicator cell before the first numbered indicator.</summary>
    public const string IndicatorStrayText = "IMP026";

    // Tabular (one row per indicator) and form layouts
    /// <summary>An indicator row without 三级指标 name.</summary>
    public const string IndicatorRowIncomplete = "IMP030";
    /// <summary>A 权重 cell that is not a number.</summary>
    public const string BadWeight = "IMP031";

    /// <summary>The document states a 预算年度 other than the one chosen at upload: the document's year is used.</summary>
    public const string YearDiffers = "IMP032";
}
