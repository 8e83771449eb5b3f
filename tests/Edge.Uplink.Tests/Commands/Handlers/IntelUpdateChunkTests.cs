using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Tests.Commands.TestSupport;

namespace Edge.Uplink.Tests.Commands.Handlers;

/// <summary>A list sent in chunks: in order, verified at the end, applied once; every chunk fault
/// refused with its field, and a dropped transfer leaves no file.</summary>
public class IntelUpdateChunkTests
{
    private static readonly byte[] List = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300).Select(i => $"bad{i}.example\n")));
    private static readonly string Sha = Convert.ToHexStringLower(SHA256.HashData(List));

    [Fact]
    public async Task Chunks_in_order_are_verified_and_applied_once()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 4);

        for (var i = 0; i < 3; i++)
        {
            var progress = await Chunk(f, "t1", i, chunks);
            ResultAssert.Ok(progress);
            var json = CommandFixture.Published(progress).GetProperty("result");
            Assert.Equal((i + 1, 4), (json.GetProperty("received").GetInt32(), json.GetProperty("count").GetInt32()));
            Assert.Empty(f.Actions.Intel);
        }
        var done = await Chunk(f, "t1", 3, chunks);

        ResultAssert.Ok(done);
        var (update, text) = Assert.Single(f.Actions.Intel);
        Assert.Equal(Encoding.UTF8.GetString(List), text);
        Assert.Equal((Sha, (long)List.Length), (update.Sha256, update.Size));
        Assert.Equal(300, CommandFixture.Published(done).GetProperty("result").GetProperty("entries").GetInt64());
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_single_chunk_transfer_works()
    {
        using var f = new CommandFixture();
        ResultAssert.Ok(await Chunk(f, "t1", 0, Split(List, 1)));
        Assert.Single(f.Actions.Intel);
    }

    [Fact]
    public async Task Out_of_order_duplicate_and_missing_chunks_are_refused_and_the_transfer_goes_on()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 4);
        ResultAssert.Ok(await Chunk(f, "t1", 0, chunks));

        ResultAssert.Refused(await Chunk(f, "t1", 2, chunks), CommandErrorCodes.InvalidArgument, "args.index");
        ResultAssert.Refused(await Chunk(f, "t1", 0, chunks), CommandErrorCodes.InvalidArgument, "args.index");
        ResultAssert.Ok(await Chunk(f, "t1", 1, chunks));
        ResultAssert.Refused(await Chunk(f, "t1", 1, chunks), CommandErrorCodes.InvalidArgument, "args.index");
        ResultAssert.Refused(await Chunk(f, "t1", 3, chunks), CommandErrorCodes.InvalidArgument, "args.index");
        Assert.Empty(f.Actions.Intel);

        ResultAssert.Ok(await Chunk(f, "t1", 2, chunks));
        ResultAssert.Ok(await Chunk(f, "t1", 3, chunks));
        Assert.Single(f.Actions.Intel);
    }

    [Fact]
    public async Task A_chunk_for_no_open_transfer_is_refused()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 3);

        ResultAssert.Refused(await Chunk(f, "t1", 1, chunks), CommandErrorCodes.InvalidArgument, "args.transfer");
        ResultAssert.Ok(await Chunk(f, "t1", 0, chunks));
        ResultAssert.Refused(await Chunk(f, "t2", 1, chunks), CommandErrorCodes.InvalidArgument, "args.transfer");
    }

    [Theory]
    [InlineData("list", "other.txt")]
    [InlineData("sha256", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("size", 5)]
    [InlineData("count", 9)]
    [InlineData("category", "cnc")]
    public async Task A_chunk_that_disagrees_with_chunk_0_is_refused(string field, object value)
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 3);
        ResultAssert.Ok(await Chunk(f, "t1", 0, chunks));

        var args = ChunkArgs("t1", 1, chunks);
        args[field] = value is int n ? JsonValue.Create(n) : JsonValue.Create((string)value);
        ResultAssert.Refused(await f.RunAsync(CommandNames.IntelUpdate, args), CommandErrorCodes.InvalidArgument, "args." + field);

        ResultAssert.Ok(await Chunk(f, "t1", 1, chunks));
    }

    [Fact]
    public async Task More_bytes_than_size_drops_the_transfer()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 2);
        var args = ChunkArgs("t1", 0, chunks);
        args["size"] = chunks[0].Length - 1;

        ResultAssert.Refused(await f.RunAsync(CommandNames.IntelUpdate, args), CommandErrorCodes.TooLarge, "args.data");

        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
        ResultAssert.Refused(await Chunk(f, "t1", 1, chunks), CommandErrorCodes.InvalidArgument, "args.transfer");
    }

    [Fact]
    public async Task Fewer_bytes_than_size_is_refused_at_the_last_chunk()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 2);
        var first = ChunkArgs("t1", 0, chunks);
        var last = ChunkArgs("t1", 1, chunks);
        first["size"] = List.Length + 10;
        last["size"] = List.Length + 10;

        ResultAssert.Ok(await f.RunAsync(CommandNames.IntelUpdate, first));
        ResultAssert.Refused(await f.RunAsync(CommandNames.IntelUpdate, last), CommandErrorCodes.InvalidArgument, "args.size");

        Assert.Empty(f.Actions.Intel);
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_list_not_matching_its_sha256_is_not_applied()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 2);
        chunks[1] = [.. chunks[1]];
        chunks[1][^2] ^= 1;

        ResultAssert.Ok(await Chunk(f, "t1", 0, chunks));
        ResultAssert.Refused(await Chunk(f, "t1", 1, chunks), CommandErrorCodes.ChecksumMismatch, "args.sha256");

        Assert.Empty(f.Actions.Intel);
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_stale_transfer_times_out()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 3);
        ResultAssert.Ok(await Chunk(f, "t1", 0, chunks));
        f.Time.Advance(TimeSpan.FromMinutes(9));
        ResultAssert.Ok(await Chunk(f, "t1", 1, chunks));

        f.Time.Advance(TimeSpan.FromMinutes(11));

        ResultAssert.Refused(await Chunk(f, "t1", 2, chunks), CommandErrorCodes.InvalidArgument, "args.transfer");
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_new_transfer_replaces_an_unfinished_one()
    {
        using var f = new CommandFixture();
        var chunks = Split(List, 3);
        ResultAssert.Ok(await Chunk(f, "t1", 0, chunks));
        ResultAssert.Ok(await Chunk(f, "t1", 1, chunks));

        for (var i = 0; i < 3; i++)
            ResultAssert.Ok(await Chunk(f, "t2", i, chunks));

        Assert.Single(f.Actions.Intel);
        ResultAssert.Refused(await Chunk(f, "t1", 2, chunks), CommandErrorCodes.InvalidArgument, "args.transfer");
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_transfer_larger_than_the_limit_is_refused_at_chunk_0()
    {
        using var f = new CommandFixture(new CommandOptions { Agency = CommandFixture.Agency, Sensor = CommandFixture.Sensor, MaxIntelBytes = 1000 });

        ResultAssert.Refused(await Chunk(f, "t1", 0, Split(List, 2)), CommandErrorCodes.TooLarge, "args.size");
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_32_KiB_chunk_fits_in_one_command()
    {
        using var f = new CommandFixture();
        var data = new byte[2 * 32 * 1024];
        new Random(5).NextBytes(data);
        var args = new JsonObject
        {
            ["list"] = "agency-cnc.txt", ["category"] = "botnet", ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(data)),
            ["size"] = data.Length, ["transfer"] = "t-20250601-1", ["index"] = 0, ["count"] = 2,
            ["data"] = Convert.ToBase64String(data.AsSpan(0, 32 * 1024)),
        };
        var request = f.Request(CommandNames.IntelUpdate, args) with { Id = "01JXA7Q5S0M3V2E8C4N6B9T1RK" };
        var payload = f.Signer.Sign(request);

        Assert.InRange(payload.Length, 32 * 1024 * 16 / 9, f.Options.MaxPayloadBytes);
        ResultAssert.Ok(await f.SendRawAsync(CommandNames.IntelUpdate, payload));
    }

    private static Task<CommandResult> Chunk(CommandFixture f, string transfer, int index, byte[][] chunks) =>
        f.RunAsync(CommandNames.IntelUpdate, ChunkArgs(transfer, index, chunks));

    private static JsonObject ChunkArgs(string transfer, int index, byte[][] chunks) => new()
    {
        ["list"] = "agency-cnc.txt",
        ["category"] = "botnet",
        ["sha256"] = Sha,
        ["size"] = chunks.Sum(c => c.Length),
        ["transfer"] = transfer,
        ["index"] = index,
        ["count"] = chunks.Length,
        ["data"] = Convert.ToBase64String(chunks[index]),
    };

    private static byte[][] Split(byte[] data, int count)
    {
        var size = (data.Length + count - 1) / count;
        return [.. Enumerable.Range(0, count).Select(i => data.AsSpan(i * size, Math.Min(size, data.Length - (i * size))).ToArray())];
    }
}
