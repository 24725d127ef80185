using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Imports;
using Jixiao.Data;
using Jixiao.Domain.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao import FILE… --db CONNECTION [--unit NAME] [--year N] [--user NAME]`: stores target tables in a database
/// through the same use case as the web app's 导入 page (<see cref="ImportBatches"/>): each file becomes an import
/// batch, previewed and confirmed, with the same checks, skips and audit line.
/// </summary>
internal sealed class ImportCommand : ICommand
{
    public string Name => "import";

    public string Summary => "把目标表导入数据库（与 Web 应用的导入页相同的检查、去重和审计日志）";

    public string Usage => """
        用法：jixiao import <文件>... --db <连接串> [--unit <单位名称>] [--year <年度>] [--user <用户名>]

        读取绩效目标表并写入数据库：每个文件一个导入批次，整份文件一次写入，或者不写入。
        数据库中已有的项目（同一单位、同名）跳过；文件有错误级别的问题时整份文件不导入。
          --db     数据库：SQLite 文件路径，或 PostgreSQL 连接串（如 "Host=127.0.0.1;Database=jixiao;Username=jixiao"）；
                   没有表时先创建
          --unit   只接受该单位的目标表：文件中出现其他单位时不导入
          --year   文件标题未写明预算年度时使用的年度（如 2026）
          --user   以该用户的身份导入（权限与 Web 应用相同，记入审计日志）；不指定时以“命令行”身份导入全部单位

        退出码：0 全部导入；1 用法错误、文件无法读取或无权导入；2 文件中有错误，未导入。

        示例：
          jixiao import samples/seeds/002_57b7928e8e0f944a.txt --db jixiao.db --year 2026
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, [], ["--db", "--unit", "--year", "--user"], out var error);
        if (parsed is null || parsed.Positionals.Count == 0 || parsed.Value("--db") is not { Length: > 0 } connection)
        {
            context.Error.WriteLine(error ?? (parsed?.Positionals.Count == 0 ? "缺少要导入的文件。" : "缺少 --db：请指定要导入的数据库。"));
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var missing = parsed.Positionals.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            context.Error.WriteLine($"找不到文件：{string.Join("、", missing)}");
            return ExitCodes.BadInput;
        }

        return RunAsync(parsed, connection, context).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(CliArgs parsed, string connection, CliContext context)
    {
        await using var db = new JixiaoDbContext(JixiaoDatabase.Options(connection));
        await db.Database.MigrateAsync();
        var scope = UserScopes.CommandLine;
        if (parsed.Value("--user") is { } userName)
        {
            if (await UserScopes.ForUserNameAsync(db, userName) is not { } found)
            {
                context.Error.WriteLine($"数据库中没有用户“{userName}”。");
                return ExitCodes.BadInput;
            }

            scope = found;
        }

        db.ActorOverride = scope.DisplayName;
        var unit = parsed.Value("--unit")?.Trim();
        var exit = ExitCodes.Ok;
        foreach (var file in parsed.Positionals)
        {
            var code = await ImportAsync(db, scope, file, parsed.Value("--year"), unit, context);
            exit = Math.Max(exit, code);
        }

        return exit;
    }

    private static async Task<int> ImportAsync(JixiaoDbContext db, AccessScope scope, string file, string? year, string? unit, CliContext context)
    {
        var name = Path.GetFileName(file);
        var length = new FileInfo(file).Length;
        if (ImportBatches.CheckUpload(scope, length, year, out var fiscalYear) is { } refused)
        {
            context.Error.WriteLine($"{name}：{refused.Reason}");
            return ExitCodes.BadInput;
        }

        // Read once: the counts, the preview and the confirmation use this one reading.
        var content = await File.ReadAllBytesAsync(file);
        var reading = ImportBatches.Reading(content, ImportBatches.FileNameOf(file), fiscalYear);
        var batch = ImportBatches.Create(scope, file, content, fiscalYear, TimeProvider.System, reading);
        var preview = await ImportBatches.PreviewAsync(db, scope, batch, reading);
        var result = preview.Result;
        context.Out.WriteLine($"{name}：{result.Units.Count()} 个单位，{result.Projects.Count()} 个项目，{result.IndicatorCount} 个指标；"
            + $"错误 {batch.ErrorCount}，警告 {batch.WarningCount}");
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            context.Error.WriteLine($"  {d.Code} {d.Location}：{d.Message}");
        }

        if (unit is not null && result.Units.Select(u => u.Name).Where(n => n != unit).Distinct().ToList() is { Count: > 0 } others)
        {
            context.Error.WriteLine($"{name}：文件中的单位“{string.Join("、", others)}”不是 --unit 指定的“{unit}”，未导入。");
            return ExitCodes.BadInput;
        }

        if (preview.Blocker is { } blocker)
        {
            context.Error.WriteLine($"{name}：{blocker}");
            return result.Succeeded ? ExitCodes.BadInput : ExitCodes.Findings;
        }

        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync();
        var (outcome, added) = await ImportBatches.ConfirmAsync(db, scope, batch, TimeProvider.System, reading);
        if (outcome is not Outcome.Done)
        {
            context.Error.WriteLine($"{name}：{outcome.Reason}");
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine($"{name}：已导入，新增 {added} 个项目，跳过已有 {preview.Existing.Count} 个（导入批次 {batch.Id}）");
        return ExitCodes.Ok;
    }
}
