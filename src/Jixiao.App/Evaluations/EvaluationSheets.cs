using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Projects;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evaluations;

/// <summary>An evaluation with its sheet scored now, and what the user may do with it.</summary>
public sealed record EvaluationView(EvaluationEntity Evaluation, EvaluationSheet Sheet, ScoredEvaluation Scored, bool CanEdit, string? ExpertName);

/// <summary>
/// How a line changes: <see cref="Actual"/> is the 实际完成值 as written ("91.4%", "338人"); <see cref="Rating"/>
/// (达成/部分达成/未达成) and <see cref="Percent"/> are for 定性 lines; <see cref="Score"/> for 人工 lines;
/// <see cref="Reason"/> is the 偏差原因 or the reason of a manual score. <see cref="Formula"/> and <see cref="Inputs"/> make the
/// actual a computed one: the formula ("支出 / 预算 * 100"; null keeps the line's formula) over named inputs written
/// "名称=值；名称=[值, 值, …]" (a series, e.g. 12 monthly scores). <see cref="Deductions"/> are the line's deductions, one a
/// line, "扣1.5分：理由" (each needs its reason). <see cref="FormulaReason"/> says why the formula is set or changed (required
/// then; written to the audit line of the formula). <see cref="ChangeReason"/> says why a line already scored gets another
/// actual or score (required then; written to the audit line, not to the sheet). Null leaves a field as it is; "" clears it.
/// </summary>
public sealed record EditLineRequest(string? Actual, string? Rating, decimal? Percent, decimal? Score, string? Reason, long Version,
    string? Formula = null, string? Inputs = null, string? Deductions = null, string? FormulaReason = null, string? ChangeReason = null);

/// <summary>
/// 评价: create an evaluation from a project's targets (单位自评) or from the framework template (部门评价), enter
/// actuals and scores line by line, see the total and grade (Jixiao.Domain.Evaluations.Scorer), lock. Every change
/// of an actual, a score and the total is written to the audit log.
/// </summary>
public static class EvaluationSheets
{
    public static IQueryable<EvaluationEntity> Visible(JixiaoDbContext db, AccessScope scope) =>
        scope.Visible(db.Evaluations);

    public static bool MayEdit(AccessScope scope, EvaluationEntity evaluation, int unitId) =>
        evaluation.Status == EvaluationStatus.Draft
        && (scope.IsAdmin
            || (scope.IsExpert && evaluation.AssignedExpertId == scope.UserId)
            || (evaluation.Kind == EvaluationKind.SelfEvaluation.Chinese() && scope.MayEditTargets(unitId)));

    public static bool MayCreate(AccessScope scope, int unitId, EvaluationKind kind) =>
        kind == EvaluationKind.SelfEvaluation ? scope.MayEditTargets(unitId) : scope.IsAdmin || (scope.IsReviewer && scope.Sees(unitId));

    public static async Task<(Outcome Outcome, EvaluationEntity? Evaluation)> CreateAsync(JixiaoDbContext db, AccessScope scope, int projectId,
        EvaluationKind kind, string? expertId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var project = await scope.Visible(db.Projects).Include(p => p.Indicators.OrderBy(i => i.Position))
            .SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return (new Outcome.NotFound($"找不到项目 {projectId}。"), null);
        }

        if (!MayCreate(scope, project.UnitId, kind))
        {
            return (new Outcome.Forbidden(kind == EvaluationKind.SelfEvaluation
                ? "单位自评由本单位的填报人发起。"
                : "部门评价由主管部门/财政审核人或管理员发起。"), null);
        }

        // The rule of the admin's assignment (UserAdmin.AssignEvaluationAsync): a 单位自评 is scored by its unit's clerk and
        // has no expert; any other evaluation only by a user in the expert role.
        string? expert = null;
        if (!string.IsNullOrEmpty(expertId))
        {
            if (kind == EvaluationKind.SelfEvaluation)
            {
                return (new Outcome.Invalid("单位自评由本单位填报人评分，不指派评价专家。"), null);
            }

            expert = await ExpertNameAsync(db, expertId, cancellationToken);
            if (expert is null)
            {
                return (new Outcome.Invalid("所选用户不是评价专家。"), null);
            }
        }

        var sheet = kind == EvaluationKind.SelfEvaluation
            ? EvaluationTemplates.FromProject(ToDomain(project))
            : EvaluationTemplates.Load(kind) with { Project = project.Name, Year = project.FiscalYear };
        var scored = Scorer.Score(sheet);
        var evaluation = new EvaluationEntity
        {
            ProjectId = project.Id,
            Kind = kind.Chinese(),
            SheetJson = EvaluationSheetJson.Write(sheet),
            Total = scored.Total,
            Grade = scored.Grade,
            BudgetExecution = Round(scored.BudgetExecution),
            AssignedExpertId = string.IsNullOrEmpty(expertId) ? null : expertId,
            CreatedBy = scope.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken);

        // The id exists only now: the audit lines follow in a second save (a failure there leaves an unaudited draft, never a lost one).
        var at = clock.GetUtcNow();
        db.AuditLog.Add(new AuditEntry
        {
            At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = project.Id,
            Field = "created", OldValue = null, NewValue = $"{kind.Chinese()}（{TotalText(scored)}）",
        });
        if (expert is not null)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = project.Id,
                Field = "expert", OldValue = "（未指派）", NewValue = expert, Reason = "发起评价时指派",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Ok, evaluation);
    }

    public static async Task<EvaluationView?> GetAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var evaluation = await Visible(db, scope).AsNoTracking().Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return evaluation is null ? null : await ViewAsync(db, scope, evaluation, cancellationToken);
    }

    public static async Task<(Outcome Outcome, EvaluationView? View)> EditLineAsync(JixiaoDbContext db, AccessScope scope, int id, int line,
        EditLineRequest request, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var evaluation = await Visible(db, scope).Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        if (!MayEdit(scope, evaluation, evaluation.Project!.UnitId))
        {
            return (evaluation.Status == EvaluationStatus.Locked
                ? new Outcome.Conflict("该评价已提交锁定，不能再修改。")
                : new Outcome.Forbidden("只有指派的评价专家（单位自评为本单位填报人）可以评分。"), null);
        }

        if (evaluation.Version != request.Version)
        {
            return (new Outcome.Conflict("该评价已被他人修改，您的输入未保存。请刷新后在最新内容上重新填写。"), null);
        }

        if (InputLimits.Check(("实际完成值", request.Actual, InputLimits.Value), ("定性结论", request.Rating, InputLimits.Value),
                ("计算公式", request.Formula, Formula.MaxLength), ("公式输入", request.Inputs, InputLimits.Text),
                ("扣分", request.Deductions, InputLimits.Text), ("原因", request.Reason, InputLimits.Text),
                ("公式修改原因", request.FormulaReason, InputLimits.Text), ("修改原因", request.ChangeReason, InputLimits.Text)) is { } tooLong)
        {
            return (tooLong, null);
        }

        var sheet = Read(evaluation);
        if (line < 0 || line >= sheet.Indicators.Count)
        {
            return (new Outcome.NotFound($"评价表没有第 {line + 1} 行。"), null);
        }

        var before = sheet.Indicators[line];
        var after = before;
        if (request.Actual is not null)
        {
            after = after with { Actual = request.Actual.Trim().Length == 0 ? null : new ActualValue.Measured(MeasuredValue.Parse(request.Actual.Trim())) };
        }

        if (request.Rating is not null)
        {
            if (request.Rating.Trim().Length == 0)
            {
                after = after with { Rating = null };
            }
            else if (EvaluationNames.TryParseRating(request.Rating, out var rating))
            {
                after = after with { Rating = rating };
            }
            else
            {
                return (new Outcome.Invalid($"定性结论“{request.Rating}”无法识别，请选择 达成、部分达成 或 未达成。"), null);
            }
        }

        if (request.Percent is { } percent)
        {
            if (percent is < 0 or > 100)
            {
                return (new Outcome.Invalid("完成程度应在 0 到 100 之间。"), null);
            }

            after = after with { Percent = percent };
        }

        if (request.Score is { } score)
        {
            after = after with { Score = score };
        }

        var oldFormula = (before.Actual as ActualValue.Computed)?.Formula.Text;
        var formulaChanged = request.Formula is not null && request.Formula.Trim() != oldFormula;
        if (formulaChanged)
        {
            if (FormulaProblem(before, request.Formula!.Trim(), request.FormulaReason) is { } problem)
            {
                return (new Outcome.Invalid(problem), null);
            }
        }

        if (request.Formula is not null || request.Inputs is not null)
        {
            var (computed, problem) = ComputedActual(before, request.Formula, request.Inputs);
            if (problem is not null)
            {
                return (new Outcome.Invalid(problem), null);
            }

            after = after with { Actual = computed };
        }

        if (request.Deductions is not null)
        {
            var deductions = EvaluationSheetCells.ParseDeductions(request.Deductions, out var bad);
            if (bad.Count > 0)
            {
                return (new Outcome.Invalid($"扣分“{bad[0]}”无法识别：每行写一项，如“扣1.5分：未按时完成验收”。"), null);
            }

            var missing = deductions.FindIndex(d => string.IsNullOrWhiteSpace(d.Reason));
            if (missing >= 0)
            {
                var points = deductions[missing].Points;
                return (new Outcome.Invalid($"扣 {Numbers.Text(points)} 分没有写理由：每项扣分都要写明理由，如“扣{Numbers.Text(points)}分：未按时完成验收”。"), null);
            }

            after = after with { Deductions = deductions.Count == 0 ? null : deductions.Select(d => new Deduction(d.Points, d.Reason!.Trim())).ToList() };
        }

        if (request.Reason is not null)
        {
            after = after with { Reason = request.Reason.Trim().Length == 0 ? null : request.Reason.Trim() };
        }

        if (after.Method == ScoringMethod.Manual && after.Score is not null && string.IsNullOrWhiteSpace(after.Reason))
        {
            return (new Outcome.Invalid($"“{before.Path}”是人工评分：请同时填写评分理由。"), null);
        }

        var lines = sheet.Indicators.ToList();
        lines[line] = after;
        var changed = sheet with { Indicators = lines };
        var oldScored = Scorer.Score(sheet);
        var newScored = Scorer.Score(changed);
        var name = before.Path;
        var oldLine = Describe(name, oldScored.Items[line]);
        var newLine = Describe(name, newScored.Items[line]);

        // A line with a result entered is a record: changing its actual or score afterwards is a correction, and a
        // correction says why (the audit line keeps it). Deductions carry their own reasons, a new formula its own; the
        // first entry of a line needs none.
        var changeReason = request.ChangeReason?.Trim() is { Length: > 0 } given ? given
            : formulaChanged ? request.FormulaReason!.Trim()
            : request.Deductions is not null && after.Deductions is { Count: > 0 } written ? string.Join("；", written.Select(d => d.Reason))
            : null;
        if (HasEntry(oldScored.Items[line]) && oldLine != newLine && changeReason is null)
        {
            return (new Outcome.Invalid($"“{before.Path}”已填写过结果，修改其实际完成值或得分须填写修改原因，它将记入审计日志。"), null);
        }
        evaluation.SheetJson = EvaluationSheetJson.Write(changed);
        evaluation.Total = newScored.Total;
        evaluation.Grade = newScored.Grade;
        evaluation.BudgetExecution = Round(newScored.BudgetExecution);
        db.Entry(evaluation).Property(e => e.Version).OriginalValue = request.Version;

        var at = clock.GetUtcNow();
        void Audit(string field, string? old, string? @new)
        {
            if (old != @new)
            {
                db.AuditLog.Add(new AuditEntry
                {
                    At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
                    Field = field, OldValue = old, NewValue = @new, Reason = changeReason ?? after.Reason,
                });
            }
        }

        if (formulaChanged)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
                Field = "formula", OldValue = $"{name}：{oldFormula ?? "（无公式）"}", NewValue = $"{name}：{request.Formula!.Trim()}",
                Reason = request.FormulaReason!.Trim(),
            });
        }

        Audit("actual", oldLine, newLine);
        Audit("total", TotalText(oldScored), TotalText(newScored));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict("该评价已被他人修改，您的输入未保存。请刷新后在最新内容上重新填写。"), null);
        }

        return (Outcome.Ok, await ViewAsync(db, scope, evaluation, cancellationToken));
    }

    public static async Task<Outcome> LockAsync(JixiaoDbContext db, AccessScope scope, int id, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var evaluation = await Visible(db, scope).Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return new Outcome.NotFound($"找不到评价 {id}。");
        }

        if (!MayEdit(scope, evaluation, evaluation.Project!.UnitId))
        {
            return evaluation.Status == EvaluationStatus.Locked
                ? new Outcome.Conflict("该评价已锁定。")
                : new Outcome.Forbidden("只有指派的评价专家（单位自评为本单位填报人）可以提交评价。");
        }

        var scored = Scorer.Score(Read(evaluation));
        if (scored.Findings.FirstOrDefault(f => f.Severity == Domain.Diagnostics.Severity.Error) is { } error)
        {
            return new Outcome.Invalid($"评价表还有错误，不能提交：{error.Message}");
        }

        evaluation.Status = EvaluationStatus.Locked;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
            Field = "status", OldValue = "评分中", NewValue = "已锁定", Reason = TotalText(scored),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    public static async Task<IReadOnlyList<(string Id, string Name)>> ExpertsAsync(JixiaoDbContext db, CancellationToken cancellationToken = default) =>
        (await (from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where role.Name == Roles.Expert
                orderby user.DisplayName
                select new { user.Id, user.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>
    /// Keeps the 预算执行率 of evaluations scored before migration 0011, which kept none (locked ones are never scored
    /// again): reads each such sheet and writes the value with a plain UPDATE. It is derived from the sheet, not a
    /// change anyone made, so the version stays (no open form goes stale) and no audit line is written. Sheets without
    /// such a line stay null and are read again at the next start. Returns how many were filled.
    /// </summary>
    public static async Task<int> FillBudgetExecutionAsync(JixiaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = await db.Evaluations.AsNoTracking().Where(e => e.BudgetExecution == null)
            .Select(e => new { e.Id, e.SheetJson }).ToListAsync(cancellationToken);
        var filled = 0;
        foreach (var evaluation in missing)
        {
            if (EvaluationSheetJson.Read(evaluation.SheetJson, $"evaluation-{evaluation.Id}.json").Sheet is { } sheet
                && Round(Scorer.Score(sheet).BudgetExecution) is { } value)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE evaluations SET \"BudgetExecution\" = {value} WHERE \"Id\" = {evaluation.Id}",
                    cancellationToken);
                filled++;
            }
        }

        return filled;
    }

    /// <summary>
    /// Whether a result was entered on the line: an actual written directly, a formula's actual once it can be computed
    /// (a template fills some inputs, e.g. 预算执行率's 全年预算数, which is no result yet), a 定性结论, a manual score or a
    /// deduction. A fresh line may already show a score (the rule applied to nothing), which is no entry either.
    /// </summary>
    public static bool HasEntry(ScoredIndicator item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var line = item.Indicator;
        return line.Actual is ActualValue.Measured || (line.Actual is ActualValue.Computed && item.Actual is not null)
            || line.Rating is not null || line.Score is not null || line.Deductions is { Count: > 0 };
    }

    /// <summary>A percent as the store keeps it (2 decimals).</summary>
    public static decimal? Round(decimal? percent) => percent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    public static EvaluationSheet Read(EvaluationEntity evaluation) =>
        EvaluationSheetJson.Read(evaluation.SheetJson, $"evaluation-{evaluation.Id}.json").Sheet
        ?? throw new InvalidOperationException($"Stored evaluation {evaluation.Id} does not read back.");

    /// <summary>The domain project of a stored one, for <see cref="EvaluationTemplates.FromProject"/>.</summary>
    public static Project ToDomain(ProjectEntity project) => StoredProjects.ToDomain(project);

    /// <summary>"显示名（用户名）" of a user in the expert role, as the assignment's audit line names them; null for anyone else.</summary>
    private static async Task<string?> ExpertNameAsync(JixiaoDbContext db, string userId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where user.Id == userId && role.Name == Roles.Expert
               select user.DisplayName + "（" + user.UserName + "）").FirstOrDefaultAsync(cancellationToken);

    private static async Task<EvaluationView> ViewAsync(JixiaoDbContext db, AccessScope scope, EvaluationEntity evaluation, CancellationToken cancellationToken)
    {
        var sheet = Read(evaluation);
        var expert = evaluation.AssignedExpertId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == evaluation.AssignedExpertId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new EvaluationView(evaluation, sheet, Scorer.Score(sheet), MayEdit(scope, evaluation, evaluation.Project!.UnitId), expert);
    }

    /// <summary>
    /// Why a new formula cannot be set on a line, or null: only lines scored from an actual value take one, the formula
    /// must parse (the formula language of <see cref="Formula"/>, whose error says where and what), and the change needs its reason.
    /// </summary>
    private static string? FormulaProblem(EvaluationIndicator line, string formula, string? reason)
    {
        if (line.Method is ScoringMethod.Qualitative or ScoringMethod.Manual or ScoringMethod.Deduction)
        {
            return $"“{line.Path}”按{line.Method.Chinese()}评分，不使用实际完成值，不能设置计算公式。";
        }

        if (formula.Length == 0)
        {
            return $"请填写“{line.Path}”的计算公式，如 实际支出 / 预算资金 * 100；不用公式时请直接填写实际完成值。";
        }

        if (Formula.Parse(formula).Error is { } error)
        {
            // Some messages name the position themselves ("第 8 个字符的左括号没有闭合。"): no second "第 8 个字符处".
            var where = error.Message.Contains("个字符", StringComparison.Ordinal) ? error.Message : error.ToString();
            return $"公式“{Formula.Shown(formula)}”有误：{where}公式由名称、数字、+ - * / 和括号组成，一组数可用 avg、sum、min、max，如 avg(月度考核分)。";
        }

        return string.IsNullOrWhiteSpace(reason) ? "修改计算公式须填写修改原因，它将记入审计日志。" : null;
    }

    /// <summary>The computed actual of a line from a formula (or the line's own) and inputs text; or a Chinese problem.</summary>
    private static (ActualValue? Actual, string? Problem) ComputedActual(EvaluationIndicator line, string? formulaText, string? inputsText)
    {
        var existing = line.Actual as ActualValue.Computed;
        formulaText = formulaText?.Trim() ?? existing?.Formula.Text;
        if (string.IsNullOrEmpty(formulaText))
        {
            return (null, $"“{line.Path}”没有计算公式：请先填写公式（如 支出 / 预算 * 100），再填写公式的输入值。");
        }

        var parsed = EvaluationSheetCells.ParseInputs(inputsText ?? (existing is null ? "" : EvaluationSheetCells.FormatInputs(existing.Inputs)), out var bad);
        if (bad.Count > 0)
        {
            return (null, $"输入“{bad[0]}”无法识别：应写成 名称=值，多个用“；”分隔，一组数写成 名称=[96.5, 97, …]。");
        }

        var inputs = new List<FormulaInput>();
        foreach (var (name, value, series) in parsed)
        {
            var values = (series ?? [value ?? ""]).Select(t => MeasuredValue.Parse(t.Trim())).ToList();
            if (values.FirstOrDefault(v => v.Value is null) is { } notNumber)
            {
                return (null, $"输入“{name}”的值“{notNumber.Text}”不是数值。");
            }

            inputs.Add(new FormulaInput(name, values, series is not null));
        }

        return (new ActualValue.Computed(Formula.Parse(formulaText), inputs), null);
    }

    private static string Describe(string name, ScoredIndicator item) =>
        $"{name}：实际 {item.Indicator.Actual switch { ActualValue.Measured m => m.Value.Text, ActualValue.Computed c => $"{c.Formula.Text}（{EvaluationSheetCells.FormatInputs(c.Inputs)}）", _ => item.Indicator.Rating?.Chinese() ?? "—" }}，得分 {(item.Score is { } s ? Numbers.Text(s) : "—")}";

    private static string TotalText(ScoredEvaluation scored) =>
        scored.Total is { } t ? $"{Numbers.Text(t)} 分{(scored.Grade is { } g ? $"（{g}）" : "")}" : "未计分";
}
