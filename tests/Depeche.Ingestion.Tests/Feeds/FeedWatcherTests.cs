using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Depeche.Ingestion.Feeds;

namespace Depeche.Ingestion.Tests.Feeds;

/// <summary>A tiny HTTP server on 127.0.0.1 serving fixture feeds and pages written for these tests.</summary>
internal sealed class FixtureServer : IDisposable
{
    private readonly HttpListener listener = new();
    public ConcurrentDictionary<string, (string Body, string Type, string? ETag)> Routes { get; } = new();
    public ConcurrentQueue<(string Path, string? IfNoneMatch, DateTime At)> Requests { get; } = new();
    public string Root { get; }

    public FixtureServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Root = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Root);
        listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            var path = context.Request.Url!.AbsolutePath;
            var ifNoneMatch = context.Request.Headers["If-None-Match"];
            Requests.Enqueue((path, ifNoneMatch, DateTime.UtcNow));
            var response = context.Response;
            if (!Routes.TryGetValue(path, out var route)) { response.StatusCode = 404; response.Close(); continue; }
            if (route.ETag is not null && ifNoneMatch == route.ETag) { response.StatusCode = 304; response.Close(); continue; }
            if (route.ETag is not null) response.Headers["ETag"] = route.ETag;
            var bytes = Encoding.UTF8.GetBytes(route.Body);
            response.ContentType = route.Type;
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
    }

    public void Dispose() => listener.Close();
}

public sealed class FeedWatcherTests : IDisposable
{
    private readonly FixtureServer server = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        server.Dispose();
    }

    private static string Page(string title, string body) =>
        $"<html><head><meta property=\"article:published_time\" content=\"2025-04-10T14:05:00+02:00\"></head><body><nav><a href=\"/\">Accueil</a></nav>" +
        $"<article><h1>{title}</h1><p>{body}</p></article></body></html>";

    private static string Feed(params (string Id, string Path, string Title)[] items) =>
        "<rss version=\"2.0\"><channel><title>Fixture</title>" +
        string.Concat(items.Select(i => $"<item><title>{i.Title}</title><guid>{i.Id}</guid><link>{i.Path}</link><description>Résumé de {i.Title}.</description></item>")) +
        "</channel></rss>";

    private static readonly WatchOptions fast = new() { PerHostDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task New_items_are_fetched_once_and_an_unchanged_feed_costs_a_304()
    {
        server.Routes["/a"] = (Page("Budget voté", "Le conseil municipal de Rennes a adopté le budget de l'année prochaine après trois heures de débats, a indiqué la mairie."), "text/html", null);
        server.Routes["/feed.xml"] = (Feed(("1", "/a", "Budget voté")), "application/rss+xml", "\"v1\"");
        var watcher = new FeedWatcher(http, fast);
        var feedUrl = server.Root + "feed.xml";

        var first = await watcher.PollAsync([feedUrl]);
        var item = Assert.Single(first).Item!;
        Assert.StartsWith("Budget voté\n\nLe conseil municipal de Rennes", item.Text);
        Assert.DoesNotContain("Accueil", item.Text);
        Assert.Equal("2025-04-10T14:05:00+02:00", item.Published!.ToString()); // the page's date: the item had none

        var second = await watcher.PollAsync([feedUrl]);
        Assert.Empty(second);
        Assert.Contains(server.Requests, r => r.Path == "/feed.xml" && r.IfNoneMatch == "\"v1\"");
        Assert.Single(server.Requests, r => r.Path == "/a"); // the page was not fetched again
    }

    [Fact]
    public async Task Items_seen_by_guid_url_or_content_are_not_returned_again()
    {
        const string story = "La grève des transports continue à Nantes ce vendredi, selon les syndicats, qui annoncent une manifestation.";
        server.Routes["/b"] = (Page("Grève", story), "text/html", null);
        server.Routes["/b-copie"] = (Page("Grève", story), "text/html", null);
        server.Routes["/feed.xml"] = (Feed(("1", "/b", "Grève")), "application/rss+xml", "\"v1\"");
        var watcher = new FeedWatcher(http, fast);
        var feedUrl = server.Root + "feed.xml";
        Assert.Single(await watcher.PollAsync([feedUrl]));
        // the feed changes: the same GUID again, and the same story under a new GUID and URL
        server.Routes["/feed.xml"] = (Feed(("1", "/b", "Grève"), ("2", "/b-copie", "Grève")), "application/rss+xml", "\"v2\"");
        Assert.Empty(await watcher.PollAsync([feedUrl]));
    }

    [Fact]
    public async Task A_page_over_the_size_cap_falls_back_to_the_summary_and_says_so()
    {
        server.Routes["/big"] = (Page("Gros", new string('x', 20_000)), "text/html", null);
        server.Routes["/feed.xml"] = (Feed(("1", "/big", "Gros titre")), "application/rss+xml", null);
        var watcher = new FeedWatcher(http, fast with { MaxBytes = 10_000 });
        var result = Assert.Single(await watcher.PollAsync([server.Root + "feed.xml"]));
        Assert.Equal("Gros titre\n\nRésumé de Gros titre.", result.Item!.Text);
        Assert.Contains("limit", result.Error);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_per_host_delay()
    {
        server.Routes["/c"] = (Page("Un", "Premier article assez long pour être reconnu comme le texte principal de la page, avec des virgules, des mots."), "text/html", null);
        server.Routes["/d"] = (Page("Deux", "Second article assez long pour être reconnu comme le texte principal de la page, avec des virgules, des mots."), "text/html", null);
        server.Routes["/feed.xml"] = (Feed(("1", "/c", "Un"), ("2", "/d", "Deux")), "application/rss+xml", null);
        var watcher = new FeedWatcher(http, fast with { PerHostDelay = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();
        Assert.Equal(2, (await watcher.PollAsync([server.Root + "feed.xml"])).Count);
        Assert.True(clock.ElapsedMilliseconds >= 550, $"3 requests with 300 ms spacing took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task An_unreachable_or_broken_feed_is_reported_and_the_others_polled()
    {
        server.Routes["/broken.xml"] = ("<rss><channel><item>", "application/rss+xml", null);
        server.Routes["/e"] = (Page("Ok", "Un article correct, servi par le serveur de test, avec assez de texte pour être retenu comme histoire."), "text/html", null);
        server.Routes["/feed.xml"] = (Feed(("1", "/e", "Ok")), "application/rss+xml", null);
        var watcher = new FeedWatcher(http, fast);
        var results = await watcher.PollAsync([server.Root + "missing.xml", server.Root + "broken.xml", server.Root + "feed.xml"]);
        Assert.Equal(3, results.Count);
        Assert.Contains("404", results[0].Error);
        Assert.Contains("malformed XML", results[1].Error);
        Assert.NotNull(results[2].Item);
    }
}
