namespace Edge.Detect.Findings;

/// <summary>The categories of the alert contract (DESIGN.md), as provincial reports count them.</summary>
public static class AlertCategories
{
    public const string Phishing = "phishing";
    public const string Cnc = "cnc";
    public const string Botnet = "botnet";
    public const string Mining = "mining";
    public const string WannaCry = "wannacry";
    public const string Dga = "dga";
    public const string DnsTunnel = "dns-tunnel";
    public const string Scan = "scan";
    public const string DohBypass = "doh-bypass";
    public const string Typosquat = "typosquat";
    public const string Malware = "malware";

    /// <summary>About the sensor itself, not about traffic (a firmware update rolled back): no client,
    /// no protocol.</summary>
    public const string Sensor = "sensor";

    /// <summary>Intel list categories that raise an alert of the same name when matched.</summary>
    public static bool IsThreatList(string category) =>
        category is Phishing or Cnc or Botnet or Mining or Malware;
}
