using System.Text;

namespace Edge.Watch.Tests.Tls;

/// <summary>Builds ClientHello bytes for tests: body, handshake message, and records split at chosen sizes.</summary>
public sealed class ClientHelloBuilder
{
    public ushort RecordVersion { get; set; } = 0x0301;

    public ushort Version { get; set; } = 0x0303;

    public byte[] SessionId { get; set; } = new byte[32];

    public List<ushort> Ciphers { get; } = [];

    public byte[] Compression { get; set; } = [0];

    public List<(ushort Type, byte[] Data)> Extensions { get; } = [];

    /// <summary>False omits the extensions block entirely (a pre-TLS-1.2 style hello).</summary>
    public bool WithExtensions { get; set; } = true;

    public ClientHelloBuilder Extension(ushort type, byte[] data)
    {
        Extensions.Add((type, data));
        return this;
    }

    public byte[] Body()
    {
        var b = new List<byte>();
        U16(b, Version);
        b.AddRange(Enumerable.Range(0, 32).Select(i => (byte)i));
        b.Add((byte)SessionId.Length);
        b.AddRange(SessionId);
        U16(b, (ushort)(Ciphers.Count * 2));
        foreach (var c in Ciphers)
            U16(b, c);
        b.Add((byte)Compression.Length);
        b.AddRange(Compression);
        if (WithExtensions)
        {
            var ext = new List<byte>();
            foreach (var (type, data) in Extensions)
            {
                U16(ext, type);
                U16(ext, (ushort)data.Length);
                ext.AddRange(data);
            }
            U16(b, (ushort)ext.Count);
            b.AddRange(ext);
        }
        return [.. b];
    }

    public byte[] Handshake() => Message(1, Body());

    /// <summary>The handshake message cut into records of the given fragment sizes (the last takes the rest).</summary>
    public byte[] Records(params int[] fragmentSizes) => Records(Handshake(), RecordVersion, fragmentSizes);

    public static byte[] Message(byte type, byte[] body) =>
        [type, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];

    public static byte[] Records(byte[] message, ushort recordVersion, params int[] fragmentSizes)
    {
        var b = new List<byte>();
        var offset = 0;
        foreach (var size in fragmentSizes.Append(int.MaxValue))
        {
            if (offset >= message.Length)
                break;
            var n = Math.Min(size, message.Length - offset);
            b.Add(0x16);
            U16(b, recordVersion);
            U16(b, (ushort)n);
            b.AddRange(message.AsSpan(offset, n).ToArray());
            offset += n;
        }
        return [.. b];
    }

    public static byte[] Sni(string host)
    {
        var name = Encoding.ASCII.GetBytes(host);
        var b = new List<byte>();
        U16(b, (ushort)(name.Length + 3));
        b.Add(0);
        U16(b, (ushort)name.Length);
        b.AddRange(name);
        return [.. b];
    }

    public static byte[] Alpn(params string[] protocols)
    {
        var list = new List<byte>();
        foreach (var p in protocols)
        {
            list.Add((byte)p.Length);
            list.AddRange(Encoding.ASCII.GetBytes(p));
        }
        var b = new List<byte>();
        U16(b, (ushort)list.Count);
        b.AddRange(list);
        return [.. b];
    }

    public static byte[] SupportedVersions(params ushort[] versions)
    {
        var b = new List<byte> { (byte)(versions.Length * 2) };
        foreach (var v in versions)
            U16(b, v);
        return [.. b];
    }

    /// <summary>A 2-byte-length list of 2-byte values: supported_groups, signature_algorithms.</summary>
    public static byte[] U16List(params ushort[] values)
    {
        var b = new List<byte>();
        U16(b, (ushort)(values.Length * 2));
        foreach (var v in values)
            U16(b, v);
        return [.. b];
    }

    public static byte[] PointFormats(params byte[] formats) => [(byte)formats.Length, .. formats];

    private static void U16(List<byte> b, ushort value)
    {
        b.Add((byte)(value >> 8));
        b.Add((byte)value);
    }
}
