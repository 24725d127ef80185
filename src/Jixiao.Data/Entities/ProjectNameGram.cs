namespace Jixiao.Data.Entities;

/// <summary>
/// One piece of a project's name for the indexed search: every single character and every pair of adjacent characters
/// of <see cref="ProjectEntity.Name"/>, once per project. Written only by the database's triggers on <c>projects</c>
/// (migration 0006_NameGrams), so every write path keeps it current; read-only to the application.
/// </summary>
public sealed class ProjectNameGram
{
    public required string Gram { get; set; }
    public int ProjectId { get; set; }
}
