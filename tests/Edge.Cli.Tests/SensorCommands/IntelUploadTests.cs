using System.Security.Cryptography;
using Edge.Cli.SensorCommands;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class IntelUploadTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-intel-upload-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string List(string name, int size)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray());
        return path;
    }

    [Fact]
    public void A_small_list_goes_whole_in_one_command_named_after_its_file()
    {
        var path = List("Agency-Phishing.txt", 1000);

        var upload = IntelUpload.Read(path, null, "phishing", out var error)!;
        var args = upload.Next(null)!;

        Assert.Empty(error);
        Assert.Equal(("agency-phishing.txt", "phishing"), (args["list"]!.GetValue<string>(), args["category"]!.GetValue<string>()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), args["sha256"]!.GetValue<string>());
        Assert.Equal(File.ReadAllBytes(path), Convert.FromBase64String(args["data"]!.GetValue<string>()));
        Assert.False(args.ContainsKey("transfer"));
        Assert.Null(upload.Next(null));
    }

    [Fact]
    public void A_large_list_goes_in_32_KiB_chunks_of_one_transfer_in_order_and_they_add_up_to_the_file()
    {
        var path = List("cnc.txt", 90_000);
        var upload = IntelUpload.Read(path, "agency-cnc.txt", null, out _)!;

        var chunks = new List<System.Text.Json.Nodes.JsonObject>();
        while (upload.Next(null) is { } args)
            chunks.Add(args);

        Assert.Equal(3, chunks.Count);
        Assert.Equal([0, 1, 2], chunks.Select(c => c["index"]!.GetValue<int>()));
        Assert.All(chunks, c => Assert.Equal((3, "90000", "agency-cnc.txt"), (c["count"]!.GetValue<int>(), c["size"]!.ToJsonString(), c["list"]!.GetValue<string>())));
        Assert.Single(chunks.Select(c => c["transfer"]!.GetValue<string>()).Distinct());
        var joined = chunks.SelectMany(c => Convert.FromBase64String(c["data"]!.GetValue<string>())).ToArray();
        Assert.Equal(File.ReadAllBytes(path), joined);
        Assert.Equal(IntelUpload.ChunkBytes, Convert.FromBase64String(chunks[0]["data"]!.GetValue<string>()).Length);
    }

    [Fact]
    public void A_bad_list_name_an_empty_file_or_no_file_say_so()
    {
        Assert.Null(IntelUpload.Read(List("My List.txt", 10), null, null, out var name));
        Assert.Null(IntelUpload.Read(List("empty.txt", 0), null, null, out var empty));
        Assert.Null(IntelUpload.Read(Path.Combine(_folder.FullName, "none.txt"), null, null, out var missing));
        Assert.Null(IntelUpload.Read(List("ok.txt", 10), null, "C&C", out var category));

        Assert.StartsWith("list name 'my list.txt' must be", name, StringComparison.Ordinal);
        Assert.EndsWith("is empty", empty, StringComparison.Ordinal);
        Assert.Contains("none.txt", missing, StringComparison.Ordinal);
        Assert.StartsWith("category 'C&C' must be", category, StringComparison.Ordinal);
    }
}
