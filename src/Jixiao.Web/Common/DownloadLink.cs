namespace Jixiao.Web.Common;

/// <summary>A download button on a page (partial _Download): fetched by site.js with a spinner and Chinese errors.</summary>
public sealed record DownloadLink(string Href, string Label, string Icon = "bi-download");
