using System.Xml;
using System.Xml.Schema;

namespace Forma.Formats.Tests.Tcx;

/// <summary>
/// The parts of Garmin's TrainingCenterDatabase v2 and ActivityExtension v2 schemas that describe a recorded
/// activity, transcribed from https://www8.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd and
/// ActivityExtensionv2.xsd (the element order, occurrences and value ranges as published; workouts, courses
/// and folders left out), so the writer's output is checked by a validator, not by the code that wrote it.
/// </summary>
internal static class TcxSchema
{
    private const string TrainingCenterDatabase = """
        <?xml version="1.0"?>
        <xsd:schema xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" elementFormDefault="qualified">
          <xsd:element name="TrainingCenterDatabase" type="TrainingCenterDatabase_t"/>
          <xsd:complexType name="TrainingCenterDatabase_t">
            <xsd:sequence>
              <xsd:element name="Activities" type="ActivityList_t" minOccurs="0"/>
              <xsd:element name="Extensions" type="Extensions_t" minOccurs="0"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:complexType name="ActivityList_t">
            <xsd:sequence>
              <xsd:element name="Activity" type="Activity_t" minOccurs="0" maxOccurs="unbounded"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:simpleType name="Sport_t">
            <xsd:restriction base="Token_t">
              <xsd:enumeration value="Running"/>
              <xsd:enumeration value="Biking"/>
              <xsd:enumeration value="Other"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:complexType name="Activity_t">
            <xsd:sequence>
              <xsd:element name="Id" type="xsd:dateTime"/>
              <xsd:element name="Lap" type="ActivityLap_t" maxOccurs="unbounded"/>
              <xsd:element name="Notes" type="xsd:string" minOccurs="0"/>
              <xsd:element name="Creator" type="AbstractSource_t" minOccurs="0"/>
              <xsd:element name="Extensions" type="Extensions_t" minOccurs="0"/>
            </xsd:sequence>
            <xsd:attribute name="Sport" type="Sport_t" use="required"/>
          </xsd:complexType>
          <xsd:complexType name="AbstractSource_t" abstract="true">
            <xsd:sequence>
              <xsd:element name="Name" type="Token_t"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:complexType name="Device_t">
            <xsd:complexContent>
              <xsd:extension base="AbstractSource_t">
                <xsd:sequence>
                  <xsd:element name="UnitId" type="xsd:unsignedInt"/>
                  <xsd:element name="ProductID" type="xsd:unsignedShort"/>
                  <xsd:element name="Version" type="Version_t"/>
                </xsd:sequence>
              </xsd:extension>
            </xsd:complexContent>
          </xsd:complexType>
          <xsd:simpleType name="Token_t">
            <xsd:restriction base="xsd:token">
              <xsd:whiteSpace value="collapse"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:complexType name="Version_t">
            <xsd:sequence>
              <xsd:element name="VersionMajor" type="xsd:unsignedShort"/>
              <xsd:element name="VersionMinor" type="xsd:unsignedShort"/>
              <xsd:element name="BuildMajor" type="xsd:unsignedShort" minOccurs="0"/>
              <xsd:element name="BuildMinor" type="xsd:unsignedShort" minOccurs="0"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:complexType name="ActivityLap_t">
            <xsd:sequence>
              <xsd:element name="TotalTimeSeconds" type="xsd:double"/>
              <xsd:element name="DistanceMeters" type="xsd:double"/>
              <xsd:element name="MaximumSpeed" type="xsd:double" minOccurs="0"/>
              <xsd:element name="Calories" type="xsd:unsignedShort"/>
              <xsd:element name="AverageHeartRateBpm" type="HeartRateInBeatsPerMinute_t" minOccurs="0"/>
              <xsd:element name="MaximumHeartRateBpm" type="HeartRateInBeatsPerMinute_t" minOccurs="0"/>
              <xsd:element name="Intensity" type="Intensity_t"/>
              <xsd:element name="Cadence" type="CadenceValue_t" minOccurs="0"/>
              <xsd:element name="TriggerMethod" type="TriggerMethod_t"/>
              <xsd:element name="Track" type="Track_t" minOccurs="0" maxOccurs="unbounded"/>
              <xsd:element name="Notes" type="xsd:string" minOccurs="0"/>
              <xsd:element name="Extensions" type="Extensions_t" minOccurs="0"/>
            </xsd:sequence>
            <xsd:attribute name="StartTime" type="xsd:dateTime" use="required"/>
          </xsd:complexType>
          <xsd:simpleType name="CadenceValue_t">
            <xsd:restriction base="xsd:unsignedByte">
              <xsd:maxInclusive value="254"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:simpleType name="TriggerMethod_t">
            <xsd:restriction base="Token_t">
              <xsd:enumeration value="Manual"/>
              <xsd:enumeration value="Distance"/>
              <xsd:enumeration value="Location"/>
              <xsd:enumeration value="Time"/>
              <xsd:enumeration value="HeartRate"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:simpleType name="Intensity_t">
            <xsd:restriction base="Token_t">
              <xsd:enumeration value="Active"/>
              <xsd:enumeration value="Resting"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:complexType name="Track_t">
            <xsd:sequence>
              <xsd:element name="Trackpoint" type="Trackpoint_t" maxOccurs="unbounded"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:complexType name="Trackpoint_t">
            <xsd:sequence>
              <xsd:element name="Time" type="xsd:dateTime"/>
              <xsd:element name="Position" type="Position_t" minOccurs="0"/>
              <xsd:element name="AltitudeMeters" type="xsd:double" minOccurs="0"/>
              <xsd:element name="DistanceMeters" type="xsd:double" minOccurs="0"/>
              <xsd:element name="HeartRateBpm" type="HeartRateInBeatsPerMinute_t" minOccurs="0"/>
              <xsd:element name="Cadence" type="CadenceValue_t" minOccurs="0"/>
              <xsd:element name="SensorState" type="SensorState_t" minOccurs="0"/>
              <xsd:element name="Extensions" type="Extensions_t" minOccurs="0"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:complexType name="Position_t">
            <xsd:sequence>
              <xsd:element name="LatitudeDegrees" type="DegreesLatitude_t"/>
              <xsd:element name="LongitudeDegrees" type="DegreesLongitude_t"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:simpleType name="DegreesLongitude_t">
            <xsd:restriction base="xsd:double">
              <xsd:maxExclusive value="180.0"/>
              <xsd:minInclusive value="-180.0"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:simpleType name="DegreesLatitude_t">
            <xsd:restriction base="xsd:double">
              <xsd:maxInclusive value="90.0"/>
              <xsd:minInclusive value="-90.0"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:simpleType name="SensorState_t">
            <xsd:restriction base="Token_t">
              <xsd:enumeration value="Present"/>
              <xsd:enumeration value="Absent"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:complexType name="HeartRateValue_t" abstract="true"/>
          <xsd:complexType name="HeartRateInBeatsPerMinute_t">
            <xsd:complexContent>
              <xsd:extension base="HeartRateValue_t">
                <xsd:sequence>
                  <xsd:element name="Value" type="positiveByte"/>
                </xsd:sequence>
              </xsd:extension>
            </xsd:complexContent>
          </xsd:complexType>
          <xsd:simpleType name="positiveByte">
            <xsd:restriction base="xsd:unsignedByte">
              <xsd:minInclusive value="1"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:complexType name="Extensions_t">
            <xsd:sequence>
              <xsd:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
            </xsd:sequence>
          </xsd:complexType>
        </xsd:schema>
        """;

    private const string ActivityExtension = """
        <?xml version="1.0"?>
        <xsd:schema xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="http://www.garmin.com/xmlschemas/ActivityExtension/v2" elementFormDefault="qualified">
          <xsd:element name="TPX" type="ActivityTrackpointExtension_t"/>
          <xsd:complexType name="ActivityTrackpointExtension_t">
            <xsd:sequence>
              <xsd:element name="Speed" type="xsd:double" minOccurs="0"/>
              <xsd:element name="RunCadence" type="CadenceValue_t" minOccurs="0"/>
              <xsd:element name="Watts" type="xsd:unsignedShort" minOccurs="0"/>
              <xsd:element name="Extensions" type="Extensions_t" minOccurs="0"/>
            </xsd:sequence>
            <xsd:attribute name="CadenceSensor" type="CadenceSensorType_t" use="optional"/>
          </xsd:complexType>
          <xsd:element name="LX" type="ActivityLapExtension_t"/>
          <xsd:complexType name="ActivityLapExtension_t">
            <xsd:sequence>
              <xsd:element name="AvgSpeed" type="xsd:double" minOccurs="0"/>
              <xsd:element name="MaxBikeCadence" type="CadenceValue_t" minOccurs="0"/>
              <xsd:element name="AvgRunCadence" type="CadenceValue_t" minOccurs="0"/>
              <xsd:element name="MaxRunCadence" type="CadenceValue_t" minOccurs="0"/>
              <xsd:element name="Steps" type="xsd:unsignedShort" minOccurs="0"/>
              <xsd:element name="AvgWatts" type="xsd:unsignedShort" minOccurs="0"/>
              <xsd:element name="MaxWatts" type="xsd:unsignedShort" minOccurs="0"/>
              <xsd:element name="Extensions" type="Extensions_t" minOccurs="0"/>
            </xsd:sequence>
          </xsd:complexType>
          <xsd:simpleType name="CadenceValue_t">
            <xsd:restriction base="xsd:unsignedByte">
              <xsd:maxInclusive value="254"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:simpleType name="CadenceSensorType_t">
            <xsd:restriction base="xsd:token">
              <xsd:enumeration value="Footpod"/>
              <xsd:enumeration value="Bike"/>
            </xsd:restriction>
          </xsd:simpleType>
          <xsd:complexType name="Extensions_t">
            <xsd:sequence>
              <xsd:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
            </xsd:sequence>
          </xsd:complexType>
        </xsd:schema>
        """;

    private static readonly XmlSchemaSet Schemas = Build();

    /// <summary>Every validation error and warning in the document; empty when it is valid.</summary>
    public static List<string> Problems(byte[] document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(document), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet Build()
    {
        var set = new XmlSchemaSet();
        foreach (var schema in new[] { TrainingCenterDatabase, ActivityExtension })
        {
            using var reader = XmlReader.Create(new StringReader(schema));
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }
}
