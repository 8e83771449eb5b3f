namespace Edge.Service.Tests.StatusPage.Http;

/// <summary>Request heads as real clients send them to the page (header names, order and values as
/// each client writes them; only the host and the credentials are ours): the fuzzers' seeds.</summary>
internal static class RealRequests
{
    public const string Chromium =
        "GET /api/status?t=1732600000 HTTP/1.1\r\n" +
        "Host: 192.168.1.2:8080\r\n" +
        "Connection: keep-alive\r\n" +
        "Authorization: Basic YWRtaW46c2VjcmV0\r\n" +
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r\n" +
        "Accept: */*\r\n" +
        "Referer: http://192.168.1.2:8080/\r\n" +
        "Accept-Encoding: gzip, deflate\r\n" +
        "Accept-Language: en-US,en;q=0.9\r\n" +
        "\r\n";

    public const string Curl =
        "GET /metrics HTTP/1.1\r\n" +
        "Host: 127.0.0.1:8080\r\n" +
        "Authorization: Basic YWRtaW46c2VjcmV0\r\n" +
        "User-Agent: curl/7.88.1\r\n" +
        "Accept: */*\r\n" +
        "\r\n";

    public const string Prometheus =
        "GET /metrics HTTP/1.1\r\n" +
        "Host: 10.0.0.5:8080\r\n" +
        "User-Agent: Prometheus/2.45.3\r\n" +
        "Accept: application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1\r\n" +
        "Accept-Encoding: gzip\r\n" +
        "Authorization: Basic YWRtaW46c2VjcmV0\r\n" +
        "X-Prometheus-Scrape-Timeout-Seconds: 10\r\n" +
        "\r\n";

    public const string WgetHttp10 =
        "GET /healthz HTTP/1.0\r\n" +
        "User-Agent: Wget/1.21.3\r\n" +
        "Accept: */*\r\n" +
        "Accept-Encoding: identity\r\n" +
        "Host: 127.0.0.1:8080\r\n" +
        "Connection: Keep-Alive\r\n" +
        "\r\n";

    public const string PostWithBody =
        "POST /api/status HTTP/1.1\r\n" +
        "Host: 127.0.0.1:8080\r\n" +
        "User-Agent: curl/7.88.1\r\n" +
        "Accept: */*\r\n" +
        "Content-Length: 7\r\n" +
        "Content-Type: application/x-www-form-urlencoded\r\n" +
        "\r\n";

    public static readonly string[] All = [Chromium, Curl, Prometheus, WgetHttp10, PostWithBody];
}
