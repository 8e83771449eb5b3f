using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>A DNS-over-TLS upstream in the test process with a self-signed certificate for
/// <see cref="ServerName"/>; <see cref="CaFile"/> holds that certificate as PEM for the client.</summary>
public sealed class NetTlsUpstream : IDisposable
{
    public const string ServerName = "dns.test";

    private readonly Socket _listener;
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public NetTlsUpstream()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={ServerName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        CaFile = Path.Combine(Path.GetTempPath(), $"edge-dot-{Guid.NewGuid():N}.pem");
        File.WriteAllText(CaFile, created.ExportCertificatePem());

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Endpoint = (IPEndPoint)_listener.LocalEndPoint!;
        _ = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint Endpoint { get; }

    public string CaFile { get; }

    /// <summary>Connections whose TLS handshake completed.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<byte[]> Queries { get; } = new();

    /// <summary>Hold queries until this many are in, then answer them last first (pipelining).</summary>
    public int AnswerInReverseBatchesOf { get; set; } = 1;

    /// <summary>Close the connection after each batch of answers (the client must reconnect).</summary>
    public bool CloseAfterAnswering { get; set; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _certificate.Dispose();
        File.Delete(CaFile);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        await using var tls = new SslStream(new NetworkStream(client, ownsSocket: true));
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
            Interlocked.Increment(ref _connections);
            var batch = new List<byte[]>();
            while (true)
            {
                var query = await ReadFrameAsync(tls);
                if (query is null)
                    return;
                Queries.Enqueue(query);
                batch.Add(query);
                if (batch.Count < AnswerInReverseBatchesOf)
                    continue;
                for (var i = batch.Count - 1; i >= 0; i--)
                {
                    var answer = NetDnsMessages.Answer(batch[i], NetFakeUpstream.DefaultAnswer);
                    await tls.WriteAsync(new byte[] { (byte)(answer.Length >> 8), (byte)answer.Length }, _stop.Token);
                    await tls.WriteAsync(answer, _stop.Token);
                }
                batch.Clear();
                if (CloseAfterAnswering)
                    return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
        }
    }

    private async Task<byte[]?> ReadFrameAsync(SslStream tls)
    {
        var prefix = new byte[2];
        if (await tls.ReadAtLeastAsync(prefix, 2, throwOnEndOfStream: false, _stop.Token) < 2)
            return null;
        var message = new byte[(prefix[0] << 8) | prefix[1]];
        await tls.ReadExactlyAsync(message, _stop.Token);
        return message;
    }
}
