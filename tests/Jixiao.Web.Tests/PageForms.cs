using System.Net;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Tests;

/// <summary>Posts a page's form the way the browser does: with the anti-forgery token read from a page the client may open.</summary>
public static partial class PageForms
{
    /// <summary>A form's hidden token, or the one the layout gives htmx (<c>hx-headers</c> on body): the same token either way.</summary>
    [GeneratedRegex("(?:name=\"__RequestVerificationToken\" type=\"hidden\" value=\"|\"RequestVerificationToken\": \")([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"alert alert-(?:danger|success)\"[^>]*>([^<]*)</div>")]
    private static partial Regex AlertPattern();

    public static async Task<string> TokenAsync(HttpClient client, string pageUrl)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(pageUrl)).Groups[1].Value;
        token.ShouldNotBeEmpty();
        return token;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> with a token taken from <paramref name="tokenPage"/> (default: the url's page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        string? tokenPage = null)
    {
        var token = await TokenAsync(client, tokenPage ?? url.Split('?')[0]);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>The flash messages (success or error) of a page, decoded.</summary>
    public static async Task<IReadOnlyList<string>> AlertsAsync(HttpClient client, string pageUrl) =>
        AlertPattern().Matches(await client.GetStringAsync(pageUrl)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
}
