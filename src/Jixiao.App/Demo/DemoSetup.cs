using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Import.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.App.Demo;

/// <summary>A demo login: user name, password, display name, role and the units it is linked to.</summary>
public sealed record DemoUser(string UserName, string Password, string DisplayName, string Role, IReadOnlyList<string> Units);

/// <summary>
/// `jixiao demo`: loads the seed target tables 002 (公安白云分局, 55 projects) and 003 (政法委, 18 projects) through the
/// real importer, and creates one user per role with a known password. Idempotent: a second start changes nothing.
/// </summary>
public static class DemoSetup
{
    public const string Password = "jixiao2026";

    public const string PoliceUnit = "广州市公安局白云区分局";
    public const string PoliticsUnit = "中共广州市白云区委政法委员会";
    public const string GridUnit = "广州市白云区网格化服务管理中心";

    /// <summary>The unit of seed report 004 (雪亮工程), which has no target table among the seeds.</summary>
    public const string XinjianUnit = "南昌市公安局新建分局";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin", Password, "系统管理员", Roles.Admin, []),
        new("gaj", Password, "公安分局填报员", Roles.Filler, [PoliceUnit]),
        new("zfw", Password, "政法委填报员", Roles.Filler, [PoliticsUnit, GridUnit]),
        new("czj", Password, "财政局审核员", Roles.Reviewer, [PoliceUnit, PoliticsUnit, GridUnit, XinjianUnit]),
        new("zhuanjia", Password, "评价专家王工", Roles.Expert, [PoliceUnit]),
    ];

    /// <summary>The seed files shipped next to the app (copied from samples/seeds at build time).</summary>
    public static IReadOnlyList<string> SeedFiles { get; } =
    [
        Path.Combine(AppContext.BaseDirectory, "demo", "002_57b7928e8e0f944a.txt"),
        Path.Combine(AppContext.BaseDirectory, "demo", "003_3854a258b9068c95.txt"),
    ];

    public static async Task RunAsync(IServiceProvider services, bool loadSeeds = true, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await EnsureRolesAsync(scope.ServiceProvider);
        if (loadSeeds && !await db.Units.AnyAsync(cancellationToken))
        {
            db.ActorOverride = "演示数据";
            foreach (var file in SeedFiles)
            {
                var result = TargetTableImporter.Import(file);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Seed file {file} did not import: {result.Diagnostics.First(d => d.Severity == Domain.Diagnostics.Severity.Error).Message}");
                }

                await UnitWriter.AddAsync(db, result.Units, Path.GetFileName(file), cancellationToken: cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>();
        foreach (var demo in Users)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var user = new JixiaoUser { UserName = demo.UserName, DisplayName = demo.DisplayName };
            Check(await users.CreateAsync(user, demo.Password));
            Check(await users.AddToRoleAsync(user, demo.Role));
        }

        await LinkUnitsAsync(db, users, cancellationToken);
    }

    /// <summary>Links each demo user to its units that exist now (after an import, call again to link new units).</summary>
    public static async Task LinkUnitsAsync(JixiaoDbContext db, UserManager<JixiaoUser> users, CancellationToken cancellationToken = default)
    {
        foreach (var demo in Users)
        {
            if (await users.FindByNameAsync(demo.UserName) is not { } user)
            {
                continue;
            }

            var unitIds = await db.Units.Where(u => demo.Units.Contains(u.Name)).Select(u => u.Id).ToListAsync(cancellationToken);
            var linked = await db.UserUnits.Where(l => l.UserId == user.Id).Select(l => l.UnitId).ToListAsync(cancellationToken);
            db.UserUnits.AddRange(unitIds.Except(linked).Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The evaluations of the seed reports (samples/evaluations: 000 ×2, 001, 004) as locked 部门评价 assigned to the
    /// demo expert, each on its project: found by name in its unit, or added (the reports' projects are not in the
    /// target tables). Skipped when evaluations exist.
    /// </summary>
    public static async Task LoadReportEvaluationsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        if (await db.Evaluations.AnyAsync(cancellationToken))
        {
            return;
        }

        db.ActorOverride = "演示数据";
        var expert = await db.Users.Where(u => u.UserName == "zhuanjia").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        var folder = Path.Combine(AppContext.BaseDirectory, "demo", "evaluations");
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var sheet = Domain.Evaluations.EvaluationSheetJson.Read(json, Path.GetFileName(file)).Sheet
                ?? throw new InvalidOperationException($"Seed evaluation {file} does not read.");
            var unitName = Path.GetFileName(file).StartsWith("004", StringComparison.Ordinal) ? XinjianUnit : PoliceUnit;
            var unit = await db.Units.Include(u => u.Projects).SingleOrDefaultAsync(u => u.Name == unitName, cancellationToken)
                ?? db.Units.Add(new UnitEntity { Name = unitName, Department = unitName }).Entity;
            var project = unit.Projects.FirstOrDefault(p => p.Name == sheet.Project);
            if (project is null)
            {
                project = new ProjectEntity
                {
                    Name = sheet.Project,
                    FiscalYear = sheet.Year,
                    SourceMoneyUnit = "万元",
                    Goal = "（项目来自绩效评价报告，示例目标表中没有该项目。）",
                    Source = Path.GetFileName(file),
                };
                unit.Projects.Add(project);
            }

            var scored = Domain.Evaluations.Scorer.Score(sheet);
            var textsFile = Path.Combine(AppContext.BaseDirectory, "demo", "reports", Path.GetFileNameWithoutExtension(file) + ".report.json");
            db.Evaluations.Add(new EvaluationEntity
            {
                Project = project,
                Kind = sheet.Kind,
                SheetJson = json,
                Total = scored.Total,
                Grade = scored.Grade,
                BudgetExecution = Evaluations.EvaluationSheets.Round(scored.BudgetExecution),
                Status = EvaluationStatus.Locked,
                AssignedExpertId = expert,
                ReportTextsJson = File.Exists(textsFile) ? Evaluations.ReportTexts.Normalize(await File.ReadAllTextAsync(textsFile, cancellationToken)) : null,
                CreatedBy = "演示数据",
                CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await LinkUnitsAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>(), cancellationToken);
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
