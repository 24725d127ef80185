using Microsoft.AspNetCore.Identity;

namespace Jixiao.Data.Entities;

/// <summary>A person who logs in. Which units they may see comes from their role and <see cref="UserUnit"/> rows.</summary>
public sealed class JixiaoUser : IdentityUser
{
    /// <summary>The name shown in the UI and written to the audit log (not the login name).</summary>
    public string DisplayName { get; set; } = "";
}

/// <summary>
/// Links a user to a unit: a 单位填报人's own unit, or a unit that a 主管部门/财政审核人 oversees.
/// </summary>
public sealed class UserUnit
{
    public required string UserId { get; set; }
    public int UnitId { get; set; }
}

/// <summary>An ASP.NET Core data-protection key ring entry, shared by every instance on the same database.</summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
