using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.Service.Tests.StatusPage.Http;

/// <summary>A TCP connection to the page that sends bytes exactly as given and reads what comes
/// back, so tests can send what no HTTP client library would.</summary>
internal sealed class RawHttpClient : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    private RawHttpClient()
    {
    }

    public static async Task<RawHttpClient> ConnectAsync(IPEndPoint server)
    {
        var client = new RawHttpClient();
        await client._socket.ConnectAsync(server).WaitAsync(Wait);
        return client;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.Latin1.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes).WaitAsync(Wait);

    /// <summary>Everything until the server closes the connection (or 10 s pass).</summary>
    public async Task<string> ReadToEndAsync()
    {
        var text = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
                text.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }
        catch (SocketException)
        {
            // Reset: what arrived before it is the answer.
        }
        return text.ToString();
    }

    /// <summary>Reads until <paramref name="responses"/> whole responses (head and Content-Length body) have come.</summary>
    public async Task<List<string>> ReadResponsesAsync(int responses)
    {
        var text = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var split = Split(text.ToString());
            if (split.Count >= responses)
                return split;
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
                return split;
            text.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }
    }

    /// <summary>True when the server has closed its side (a read returns 0 or a reset) within 10 s.</summary>
    public async Task<bool> ClosedByServerAsync()
    {
        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static List<string> Split(string text)
    {
        var responses = new List<string>();
        while (true)
        {
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
                return responses;
            var head = text[..(end + 4)];
            var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (text.Length < end + 4 + length)
                return responses;
            responses.Add(text[..(end + 4 + length)]);
            text = text[(end + 4 + length)..];
        }
    }

    public void Dispose() => _socket.Dispose();
}
