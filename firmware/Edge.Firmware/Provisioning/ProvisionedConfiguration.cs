using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edge.Firmware.Provisioning;

/// <summary>The sensor's configuration file made from a set: the <c>Edge</c> settings it decides
/// (identity, broker, trust) plus its extra <c>settings</c>, nested the way appsettings.json nests them.</summary>
public static class ProvisionedConfiguration
{
    /// <param name="certificates">The folder the set's PEM files were written to (see <see cref="ProvisionedFiles"/>).</param>
    public static byte[] ToJson(ProvisioningSet set, string certificates)
    {
        var root = new Node();
        root.Set("Sensor:Agency", set.Agency);
        root.Set("Sensor:Id", set.Sensor);
        root.Set("Uplink:Broker", set.Broker);
        if (set.BrokerCa is not null)
            root.Set("Uplink:CaFile", Path.Combine(certificates, ProvisionedFiles.BrokerCaFile));
        if (set.ClientCertificate is not null)
        {
            root.Set("Uplink:ClientCertificateFile", Path.Combine(certificates, ProvisionedFiles.ClientCertificateFile));
            root.Set("Uplink:ClientKeyFile", Path.Combine(certificates, ProvisionedFiles.ClientKeyFile));
        }
        if (set.Username is not null)
            root.Set("Uplink:Username", set.Username);
        if (set.Password is not null)
            root.Set("Uplink:Password", set.Password);
        foreach (var (id, key) in set.BundleKeys)
            root.Set($"Firmware:TrustedKeys:{id}", key);
        foreach (var (id, key) in set.CommandKeys)
            root.Set($"Commands:TrustedKeys:{id}", key);
        foreach (var (key, value) in set.Settings)
            root.Set(key, value);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("Edge");
            root.Write(writer);
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    /// <summary>One level of keys; configuration keys are case-insensitive, so are these.</summary>
    private sealed class Node
    {
        private readonly Dictionary<string, object> _children = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = [];

        public void Set(string key, string value)
        {
            var node = this;
            var parts = key.Split(':');
            for (var i = 0; i < parts.Length - 1; i++)
                node = node.Child(parts[i], key);
            if (node._children.ContainsKey(parts[^1]))
                throw new ArgumentException($"settings.{key} is given twice (or inside another setting)", nameof(key));
            node._children[parts[^1]] = value;
            node._order.Add(parts[^1]);
        }

        private Node Child(string name, string key)
        {
            if (_children.TryGetValue(name, out var existing))
                return existing as Node ?? throw new ArgumentException($"settings.{key} nests inside a setting that has a value", nameof(key));
            var child = new Node();
            _children[name] = child;
            _order.Add(name);
            return child;
        }

        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            foreach (var name in _order)
            {
                writer.WritePropertyName(name);
                if (_children[name] is Node child)
                    child.Write(writer);
                else
                    writer.WriteStringValue((string)_children[name]);
            }
            writer.WriteEndObject();
        }
    }
}
