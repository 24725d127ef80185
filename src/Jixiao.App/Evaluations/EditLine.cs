using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evaluations;

/// <summary>
/// Enters or corrects one line of an evaluation (its actual, 定性结论, manual score, formula and inputs, deductions,
/// 偏差原因) by the rules of <see cref="LineEdits"/>, rescores the sheet, and saves it under the version read. Audit lines:
/// formula (when it changed, with its reason), actual and total (old → new, with the 修改原因 or the line's reason).
/// </summary>
public static class EditLine
{
    private const string Stale = "该评价已被他人修改，您的输入未保存。请刷新后在最新内容上重新填写。";

    public static async Task<(Outcome Outcome, EvaluationView? View)> RunAsync(JixiaoDbContext db, AccessScope scope, int id, int line,
        EditLineRequest request, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await EvaluationSheets.Visible(db, scope).Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        if (!EvaluationSheets.MayEdit(scope, evaluation, evaluation.Project!.UnitId))
        {
            return (evaluation.Status == EvaluationStatus.Locked
                ? new Outcome.Conflict("该评价已提交锁定，不能再修改。")
                : new Outcome.Forbidden("只有指派的评价专家（单位自评为本单位填报人）可以评分。"), null);
        }

        if (evaluation.Version != request.Version)
        {
            return (new Outcome.Conflict(Stale), null);
        }

        if (InputLimits.Check(("实际完成值", request.Actual, InputLimits.Value), ("定性结论", request.Rating, InputLimits.Value),
                ("计算公式", request.Formula, Formula.MaxLength), ("公式输入", request.Inputs, InputLimits.Text),
                ("扣分", request.Deductions, InputLimits.Text), ("原因", request.Reason, InputLimits.Text),
                ("公式修改原因", request.FormulaReason, InputLimits.Text), ("修改原因", request.ChangeReason, InputLimits.Text)) is { } tooLong)
        {
            return (tooLong, null);
        }

        var sheet = EvaluationSheets.Read(evaluation);
        if (line < 0 || line >= sheet.Indicators.Count)
        {
            return (new Outcome.NotFound($"评价表没有第 {line + 1} 行。"), null);
        }

        var (edit, problem) = LineEdits.Apply(sheet, line, request.Change);
        if (edit is null)
        {
            return (new Outcome.Invalid(problem!), null);
        }

        evaluation.SheetJson = EvaluationSheetJson.Write(edit.Sheet);
        evaluation.Total = edit.NewScored.Total;
        evaluation.Grade = edit.NewScored.Grade;
        evaluation.BudgetExecution = EvaluationSheets.Round(edit.NewScored.BudgetExecution);
        db.Entry(evaluation).Property(e => e.Version).OriginalValue = request.Version;

        var at = clock.GetUtcNow();
        var name = sheet.Indicators[line].Path;
        void Audit(string field, string? old, string? @new, string? reason)
        {
            if (old != @new)
            {
                db.AuditLog.Add(new AuditEntry
                {
                    At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
                    Field = field, OldValue = old, NewValue = @new, Reason = reason,
                });
            }
        }

        if (edit.NewFormula is not null)
        {
            Audit("formula", $"{name}：{edit.OldFormula ?? "（无公式）"}", $"{name}：{edit.NewFormula}", edit.FormulaReason);
        }

        Audit("actual", edit.OldLine, edit.NewLine, edit.AuditReason);
        Audit("total", LineEdits.TotalText(edit.OldScored), LineEdits.TotalText(edit.NewScored), edit.AuditReason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict(Stale), null);
        }

        return (Outcome.Ok, await EvaluationSheets.ViewAsync(db, scope, evaluation, cancellationToken));
    }
}
