using System.Buffers.Binary;

namespace Edge.Resolve.Tests.TestSupport;

/// <summary>One record for <see cref="Answer.Build"/>: owner is the question's name (a pointer) unless given.</summary>
public sealed record Rr(ushort Type, uint Ttl, byte[] Data, byte[]? Owner = null);

/// <summary>Builds upstream answers to a query.</summary>
public static class Answer
{
    public static byte[] Build(byte[] query, int rcode = 0, Rr[]? answers = null, Rr[]? authority = null, Rr[]? additional = null,
        Edns? edns = null, ushort extraFlags = 0x0080, ushort? id = null)
    {
        var questionEnd = QuestionEnd(query);
        var bytes = new List<byte>();
        Query.Add16(bytes, id ?? BinaryPrimitives.ReadUInt16BigEndian(query));
        var flags = (ushort)(0x8000 | (BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(2)) & 0x7910) | extraFlags | rcode);
        Query.Add16(bytes, flags);
        Query.Add16(bytes, 1);
        Query.Add16(bytes, (ushort)(answers?.Length ?? 0));
        Query.Add16(bytes, (ushort)(authority?.Length ?? 0));
        Query.Add16(bytes, (ushort)((additional?.Length ?? 0) + (edns is null ? 0 : 1)));
        bytes.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        foreach (var rr in (answers ?? []).Concat(authority ?? []).Concat(additional ?? []))
            AddRecord(bytes, rr);
        if (edns is { } e)
            bytes.AddRange(Query.Opt(e));
        return [.. bytes];
    }

    public static void AddRecord(List<byte> bytes, Rr rr)
    {
        if (rr.Owner is null)
            Query.Add16(bytes, 0xC00C);
        else
            bytes.AddRange(rr.Owner);
        Query.Add16(bytes, rr.Type);
        Query.Add16(bytes, 1);
        Query.Add32(bytes, rr.Ttl);
        Query.Add16(bytes, (ushort)rr.Data.Length);
        bytes.AddRange(rr.Data);
    }

    public static Rr A(string address, uint ttl) => new(1, ttl, System.Net.IPAddress.Parse(address).GetAddressBytes());

    public static Rr Soa(uint ttl, uint minimum)
    {
        var data = new List<byte>();
        data.AddRange(Query.Name("ns.example"));
        data.AddRange(Query.Name("hostmaster.example"));
        foreach (var field in new uint[] { 1, 3600, 600, 86400, minimum })
            Query.Add32(data, field);
        return new Rr(6, ttl, [.. data], Query.Name("example"));
    }

    public static int QuestionEnd(byte[] message)
    {
        var at = 12;
        while (message[at] != 0)
            at += 1 + message[at];
        return at + 5;
    }
}
