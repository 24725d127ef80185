namespace Jixiao.Domain.Data;

/// <summary>The data files embedded in Jixiao.Domain (Data/*.json, *.txt): the defaults every district starts from.</summary>
public static class EmbeddedData
{
    /// <summary>The embedded file by its name ("taxonomy.json"); a missing one is a build error, so it throws.</summary>
    public static Stream Open(string file) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream("Jixiao.Domain.Data." + file)
        ?? throw new InvalidOperationException($"{file} is not embedded in Jixiao.Domain");

    /// <summary>The embedded file's text.</summary>
    public static string Text(string file)
    {
        using var reader = new StreamReader(Open(file));
        return reader.ReadToEnd();
    }
}
