using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Depeche.Ingestion.Archives;
using Depeche.Ingestion.Html;

namespace Depeche.Ingestion.Feeds;

/// <summary>Limits and pacing of <see cref="FeedWatcher"/>. Defaults suit news sites polled from one machine.</summary>
public sealed record WatchOptions
{
    /// <summary>Time between polls of the feeds (default 5 minutes).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Time allowed for one request, headers and body (default 20 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Largest feed or page read (default 5 MB): a bigger response is cut off and reported.</summary>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;
    /// <summary>Least time between two requests to the same host (default 2 s): politeness.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "Depeche/1.0 (+news dispatch reader)";
}

/// <summary>
/// Polls RSS/Atom feeds: conditional GET (ETag / If-Modified-Since, so an unchanged feed costs a 304), fetches each
/// new item's page with a per-host delay, a timeout and a size cap, extracts the story, and drops items already seen by
/// GUID, URL or content hash. When a page cannot be fetched, the item's own content or summary is used and the failure
/// reported. Not thread-safe: one poll at a time (state: validators per feed, seen keys).
/// </summary>
public sealed class FeedWatcher(HttpClient http, WatchOptions options)
{
    private readonly Dictionary<string, (string? ETag, DateTimeOffset? LastModified)> validators = new(StringComparer.Ordinal);
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> nextRequest = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Polls each feed once; returns new items and problems (position and reason), in feed then item order.</summary>
    public async Task<List<IngestResult>> PollAsync(IEnumerable<string> feeds, CancellationToken cancel = default)
    {
        var results = new List<IngestResult>();
        foreach (var feedUrl in feeds)
        {
            Feed? feed;
            try { feed = await FetchFeedAsync(feedUrl, cancel); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or FormatException && !cancel.IsCancellationRequested)
            {
                results.Add(new IngestResult(feedUrl, null, $"{feedUrl}: {Reason(e)}"));
                continue;
            }
            if (feed is null) continue; // 304: nothing new
            for (int k = 0; k < feed.Items.Count; k++)
            {
                var item = feed.Items[k];
                string position = $"{feedUrl}#{k + 1}";
                string? key = item.Id ?? item.Link;
                if (key is not null && seen.Contains("id:" + key)) continue;
                if (item.Link is not null && seen.Contains("url:" + item.Link)) continue;
                var result = await ItemAsync(item, position, feedUrl, cancel);
                if (key is not null) seen.Add("id:" + key);
                if (item.Link is not null) seen.Add("url:" + item.Link);
                if (result.Item is { } found && !seen.Add("sha:" + Hash(found.Text))) continue; // the same story under another address
                results.Add(result);
            }
        }
        return results;
    }

    /// <summary>Polls every <see cref="WatchOptions.Interval"/> until cancelled, handing each result to <paramref name="onResult"/>.</summary>
    public async Task RunAsync(IReadOnlyList<string> feeds, Action<IngestResult> onResult, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            foreach (var r in await PollAsync(feeds, cancel)) onResult(r);
            try { await Task.Delay(options.Interval, cancel); }
            catch (TaskCanceledException) { return; }
        }
    }

    private async Task<Feed?> FetchFeedAsync(string url, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (validators.TryGetValue(url, out var v))
        {
            if (v.ETag is not null && EntityTagHeaderValue.TryParse(v.ETag, out var etag)) request.Headers.IfNoneMatch.Add(etag);
            if (v.LastModified is { } lm) request.Headers.IfModifiedSince = lm;
        }
        var (status, body, headers) = await SendAsync(request, cancel);
        if (status == HttpStatusCode.NotModified) return null;
        if ((int)status is < 200 or > 299) throw new HttpRequestException($"HTTP {(int)status} {status}");
        validators[url] = headers;
        using var stream = new MemoryStream(body);
        return FeedReader.Parse(stream);
    }

    private async Task<IngestResult> ItemAsync(FeedItem item, string position, string feedUrl, CancellationToken cancel)
    {
        string? pageError = null;
        string? resolved = item.Link;
        if (item.Link is not null && Uri.TryCreate(new Uri(feedUrl), item.Link, out var link) && link.Scheme is "http" or "https")
        {
            resolved = link.AbsoluteUri;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, link);
                var (status, body, _) = await SendAsync(request, cancel);
                if ((int)status is >= 200 and <= 299)
                {
                    var article = HtmlArticleExtractor.Extract(body, link.AbsoluteUri);
                    if (article.Text.Length > 0)
                    {
                        var m = article.Metadata;
                        return new IngestResult(position, new IngestItem(NameOf(item, position), position, article.Text, link.AbsoluteUri,
                            item.Title ?? m.Title, item.Published ?? m.Published ?? item.Updated, HtmlDecoding.Decode(body))
                        { Page = m }, null);
                    }
                    pageError = "no article text in the page";
                }
                else pageError = $"HTTP {(int)status}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancel.IsCancellationRequested)
            {
                pageError = Reason(e);
            }
        }
        // the page could not be read: the feed's own content is better than nothing, and the failure is said
        string? html = item.Content ?? item.Summary;
        string text = html is null ? "" : HtmlArticleExtractor.Extract(html.Contains('<') ? html : "<p>" + WebUtility.HtmlEncode(html) + "</p>").Body;
        if (text.Length == 0)
            return new IngestResult(position, null, $"{position}: {resolved}: {pageError ?? "no link"}, and the item has no content or summary.");
        if (item.Title is { Length: > 0 } title) text = title + "\n\n" + text;
        return new IngestResult(position, new IngestItem(NameOf(item, position), position, text, resolved, item.Title, item.Published ?? item.Updated, html),
            pageError is null ? null : $"{position}: {resolved}: {pageError}; the feed's summary was used.");
    }

    private static string NameOf(FeedItem item, string position) =>
        "item-" + Hash(item.Id ?? item.Link ?? position)[..12];

    private async Task<(HttpStatusCode, byte[], (string? ETag, DateTimeOffset? LastModified))> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        await WaitForHostAsync(request.RequestUri!, cancel);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.Timeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.Content.Headers.ContentLength is long length && length > options.MaxBytes)
            throw new IOException($"response of {length} bytes, over the {options.MaxBytes}-byte limit");
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, timeout.Token)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxBytes) throw new IOException($"response over the {options.MaxBytes}-byte limit");
        }
        return (response.StatusCode, buffer.ToArray(), (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified));
    }

    private async Task WaitForHostAsync(Uri uri, CancellationToken cancel)
    {
        var now = DateTimeOffset.UtcNow;
        if (nextRequest.TryGetValue(uri.Authority, out var next) && next > now) await Task.Delay(next - now, cancel);
        nextRequest[uri.Authority] = DateTimeOffset.UtcNow + options.PerHostDelay;
    }

    private static string Reason(Exception e) => e is TaskCanceledException ? "timed out" : e.Message;

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
