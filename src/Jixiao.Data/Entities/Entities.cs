namespace Jixiao.Data.Entities;

/// <summary>A row that users edit: <see cref="Version"/> is its optimistic concurrency token, bumped on every save.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
