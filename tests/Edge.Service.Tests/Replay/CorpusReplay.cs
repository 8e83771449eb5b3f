using System.Text.Json;
using Edge.Service.EventLog;
using Edge.Service.Replay;
using Edge.Watch.Pipeline;

namespace Edge.Service.Tests.Replay;

/// <summary>Replays one corpus pcap with the event log on and reads the events back.</summary>
public sealed class CorpusReplay
{
    private CorpusReplay(ReplayResult result, List<EventRecord> events)
    {
        Result = result;
        Events = events;
    }

    public ReplayResult Result { get; }

    public List<EventRecord> Events { get; }

    public static CorpusReplay Run(string pcap)
    {
        using var buffer = new MemoryStream();
        ReplayResult result;
        using (var writer = new EventLogWriter(buffer, ownsOutput: false))
        {
            result = new ReplayRunner(new WatchOptions(), writer).Run([pcap]);
            writer.Flush();
        }
        var events = new List<EventRecord>();
        using var reader = new StreamReader(new MemoryStream(buffer.ToArray()));
        while (reader.ReadLine() is { } line)
            events.Add(JsonSerializer.Deserialize(line, EventLogJsonContext.Default.EventRecord)!);
        return new CorpusReplay(result, events);
    }
}
