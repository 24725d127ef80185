namespace Jixiao.App.Auth;

/// <summary>The four roles. The names are what users see, so they are Chinese.</summary>
public static class Roles
{
    /// <summary>单位填报人: sees and edits only their own unit's projects.</summary>
    public const string Filler = "单位填报人";

    /// <summary>主管部门/财政审核人: reviews the projects of the units they oversee.</summary>
    public const string Reviewer = "主管部门/财政审核人";

    /// <summary>评价专家: scores the evaluations assigned to them; reads the projects of the units assigned to them.</summary>
    public const string Expert = "评价专家";

    /// <summary>管理员: everything, including users and imports for any unit.</summary>
    public const string Admin = "管理员";

    public static IReadOnlyList<string> All { get; } = [Admin, Reviewer, Filler, Expert];
}
