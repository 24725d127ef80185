namespace Jixiao.App.Common;

/// <summary>One page of a list. <see cref="PageNumber"/> is 1-based.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
