using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Edge.Resolve.Upstream;

/// <summary>One query over a fresh TCP connection, for an answer that came back truncated over
/// UDP (RFC 7766 §5: the client retries over TCP). The pool checks id and question.</summary>
internal static class TcpUpstreamQuery
{
    public static async Task RunAsync(UpstreamPool pool, PendingQuery query, int generation, IPEndPoint endpoint, byte[] frame, int length, TimeSpan timeout, TimeProvider time)
    {
        byte[]? answer = null;
        try
        {
            using var cancel = new CancellationTokenSource(timeout, time);
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint, cancel.Token);
            await socket.SendAsync(frame.AsMemory(0, length), SocketFlags.None, cancel.Token);
            var prefix = new byte[2];
            await ReceiveExactlyAsync(socket, prefix, cancel.Token);
            var answerLength = BinaryPrimitives.ReadUInt16BigEndian(prefix);
            answer = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)answerLength));
            await ReceiveExactlyAsync(socket, answer.AsMemory(0, answerLength), cancel.Token);
            pool.OnStreamAnswer(query, generation, answer.AsSpan(0, answerLength));
        }
        catch (Exception)
        {
            pool.OnStreamFailed(query, generation);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
            if (answer is not null)
                ArrayPool<byte>.Shared.Return(answer);
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancel)
    {
        while (buffer.Length > 0)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel);
            if (received == 0)
                throw new EndOfStreamException();
            buffer = buffer[received..];
        }
    }
}
