namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// Builds the data set (everything but the pixel data) of one pyramid level as a VL Whole Slide
/// Microscopy Image instance (PS3.3 A.32.8, Supplement 145), module by module: Patient, General
/// Study, General Series, Whole Slide Microscopy Series, Frame of Reference, General and
/// Enhanced General Equipment, Acquisition Context, Image Pixel, Multi-frame Functional Groups
/// (shared only: TILED_FULL), Multi-frame Dimension, Specimen, Whole Slide Microscopy Image,
/// Optical Path, Multi-Resolution Pyramid and SOP Common.
/// </summary>
internal static class WsiDataset
{
    /// <summary>VL Whole Slide Microscopy Image Storage SOP class.</summary>
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.77.1.6";

    /// <summary>The UIDs one slide's files share and the one each level has.</summary>
    public sealed record Uids(string Seed)
    {
        public string Study { get; } = DicomUid.Derive(Seed, "study");

        public string Series { get; } = DicomUid.Derive(Seed, "series");

        public string FrameOfReference { get; } = DicomUid.Derive(Seed, "frame-of-reference");

        public string DimensionOrganization { get; } = DicomUid.Derive(Seed, "dimensions");

        public string Pyramid { get; } = DicomUid.Derive(Seed, "pyramid");

        public string Specimen { get; } = DicomUid.Derive(Seed, "specimen");

        public string Instance(int level) => DicomUid.Derive(Seed, $"instance/level{level}");
    }

    /// <summary>
    /// The data set of <paramref name="level"/> holding <paramref name="frameBytes"/> bytes of
    /// JPEG frames.
    /// </summary>
    public static DicomDataset Build(
        DicomWsiMetadata m, Uids uids, PyramidLevel level, long frameBytes)
    {
        var d = new DicomDataset();
        AddPatientStudySeries(d, m, uids);
        AddEquipment(d, m);
        AddImage(d, m, uids, level, frameBytes);
        AddSpecimen(d, m, uids);
        AddOpticalPath(d, m);
        return d;
    }

    private static void AddPatientStudySeries(DicomDataset d, DicomWsiMetadata m, Uids uids)
    {
        var t = m.AcquiredAt;
        d.Text(DicomTags.PatientName, "PN", m.PatientName)
            .Text(DicomTags.PatientId, "LO", m.PatientId)
            .Text(DicomTags.PatientBirthDate, "DA", "")
            .Text(DicomTags.PatientSex, "CS", "")
            .Text(DicomTags.StudyInstanceUid, "UI", uids.Study)
            .Text(DicomTags.StudyDate, "DA", DicomValues.Date(t))
            .Text(DicomTags.StudyTime, "TM", DicomValues.Time(t))
            .Text(DicomTags.ReferringPhysicianName, "PN", "")
            .Text(DicomTags.StudyId, "SH", m.StudyId)
            .Text(DicomTags.AccessionNumber, "SH", m.AccessionNumber)
            .Text(DicomTags.Modality, "CS", "SM")
            .Text(DicomTags.SeriesInstanceUid, "UI", uids.Series)
            .Text(DicomTags.SeriesNumber, "IS", DicomValues.Integer(m.SeriesNumber))
            .Text(DicomTags.SeriesDate, "DA", DicomValues.Date(t))
            .Text(DicomTags.SeriesTime, "TM", DicomValues.Time(t))
            .Text(DicomTags.SeriesDescription, "LO", "Whole slide image " + m.SlideId)
            .Text(DicomTags.FrameOfReferenceUid, "UI", uids.FrameOfReference)
            .Text(DicomTags.PositionReferenceIndicator, "LO", "SLIDE_CORNER")
            .Sequence(DicomTags.AcquisitionContextSequence);
    }

    private static void AddEquipment(DicomDataset d, DicomWsiMetadata m) =>
        d.Text(DicomTags.Manufacturer, "LO", DicomWsiMetadata.Manufacturer)
            .Text(DicomTags.ManufacturerModelName, "LO", m.ModelName)
            .Text(DicomTags.DeviceSerialNumber, "LO", m.SerialNumber)
            .Text(DicomTags.SoftwareVersions, "LO", m.SoftwareVersion);

    private static void AddImage(
        DicomDataset d, DicomWsiMetadata m, Uids uids, PyramidLevel level, long frameBytes)
    {
        // level 0 is what the camera delivered; every other level is resampled from it
        // (PS3.3 C.8.12.4.1.1: value 1 ORIGINAL/DERIVED, value 4 NONE/RESAMPLED)
        string[] imageType = level.Index == 0
            ? ["ORIGINAL", "PRIMARY", "VOLUME", "NONE"]
            : ["DERIVED", "PRIMARY", "VOLUME", "RESAMPLED"];
        double spacingMm = m.MicronsPerPixel * Math.Pow(PyramidLevel.Factor, level.Index) / 1000;
        long uncompressed = 3L * level.TileSize * level.TileSize * level.TileCount;
        var t = m.AcquiredAt;

        d.Text(DicomTags.ImageType, "CS", imageType)
            .Text(DicomTags.AcquisitionDateTime, "DT", DicomValues.DateTime(t))
            .Text(DicomTags.ContentDate, "DA", DicomValues.Date(t))
            .Text(DicomTags.ContentTime, "TM", DicomValues.Time(t))
            .Text(DicomTags.VolumetricProperties, "CS", "VOLUME")
            .Text(DicomTags.InstanceNumber, "IS", DicomValues.Integer(level.Index + 1))
            .Text(DicomTags.SopClassUid, "UI", SopClassUid)
            .Text(DicomTags.SopInstanceUid, "UI", uids.Instance(level.Index))
            .Text(DicomTags.PyramidUid, "UI", uids.Pyramid)
            .UShort(DicomTags.SamplesPerPixel, 3)
            // JPEG baseline with chroma subsampling (PS3.5 8.2.1)
            .Text(DicomTags.PhotometricInterpretation, "CS", "YBR_FULL_422")
            .UShort(DicomTags.PlanarConfiguration, 0)
            .Text(DicomTags.NumberOfFrames, "IS", DicomValues.Integer(level.TileCount))
            .UShort(DicomTags.Rows, (ushort)level.TileSize)
            .UShort(DicomTags.Columns, (ushort)level.TileSize)
            .UShort(DicomTags.BitsAllocated, 8)
            .UShort(DicomTags.BitsStored, 8)
            .UShort(DicomTags.HighBit, 7)
            .UShort(DicomTags.PixelRepresentation, 0)
            .Text(DicomTags.BurnedInAnnotation, "CS", "NO")
            .Text(DicomTags.LossyImageCompression, "CS", "01")
            .Text(
                DicomTags.LossyImageCompressionRatio, "DS",
                DicomValues.Decimal(Math.Round((double)uncompressed / frameBytes, 2)))
            .Text(DicomTags.LossyImageCompressionMethod, "CS", "ISO_10918_1")
            .Float(DicomTags.ImagedVolumeWidth, (float)(level.Width * spacingMm))
            .Float(DicomTags.ImagedVolumeHeight, (float)(level.Height * spacingMm))
            .Float(DicomTags.ImagedVolumeDepth, (float)m.SectionThicknessUm) // µm
            .ULong(DicomTags.TotalPixelMatrixColumns, (uint)level.Width)
            .ULong(DicomTags.TotalPixelMatrixRows, (uint)level.Height)
            .Sequence(
                DicomTags.TotalPixelMatrixOriginSequence,
                new DicomDataset()
                    .Text(DicomTags.XOffsetInSlideCoordinateSystem, "DS",
                        DicomValues.Decimal(m.OriginXMm))
                    .Text(DicomTags.YOffsetInSlideCoordinateSystem, "DS",
                        DicomValues.Decimal(m.OriginYMm)))
            .Text(DicomTags.SpecimenLabelInImage, "CS", "NO")
            .Text(DicomTags.FocusMethod, "CS", "AUTO")
            .Text(DicomTags.ExtendedDepthOfField, "CS", "NO")
            // rows run towards slide −Y, columns towards slide −X: label on the image's left
            .Text(DicomTags.ImageOrientationSlide, "DS", "0", "-1", "0", "-1", "0", "0")
            .Text(DicomTags.DimensionOrganizationType, "CS", "TILED_FULL")
            .ULong(DicomTags.TotalPixelMatrixFocalPlanes, 1)
            .ULong(DicomTags.NumberOfOpticalPaths, 1);

        d.Sequence(
            DicomTags.DimensionOrganizationSequence,
            new DicomDataset()
                .Text(DicomTags.DimensionOrganizationUid, "UI", uids.DimensionOrganization));
        d.Sequence(
            DicomTags.DimensionIndexSequence,
            DimensionIndex(uids, DicomTags.ColumnPositionInTotalImagePixelMatrix),
            DimensionIndex(uids, DicomTags.RowPositionInTotalImagePixelMatrix));

        var shared = new DicomDataset()
            .Sequence(
                DicomTags.PixelMeasuresSequence,
                new DicomDataset()
                    .Text(DicomTags.SliceThickness, "DS",
                        DicomValues.Decimal(m.SectionThicknessUm / 1000))
                    .Text(DicomTags.PixelSpacing, "DS",
                        DicomValues.Decimal(spacingMm), DicomValues.Decimal(spacingMm)))
            .Sequence(
                DicomTags.WholeSlideMicroscopyImageFrameTypeSequence,
                new DicomDataset().Text(DicomTags.FrameType, "CS", imageType))
            .Sequence(
                DicomTags.OpticalPathIdentificationSequence,
                new DicomDataset().Text(DicomTags.OpticalPathIdentifier, "SH", "1"));
        d.Sequence(DicomTags.SharedFunctionalGroupsSequence, shared);
    }

    // TILED_FULL: the frames' positions follow from their order, column then row
    private static DicomDataset DimensionIndex(Uids uids, uint pointer) =>
        new DicomDataset()
            .Text(DicomTags.DimensionOrganizationUid, "UI", uids.DimensionOrganization)
            .AttributeTag(DicomTags.DimensionIndexPointer, pointer)
            .AttributeTag(DicomTags.FunctionalGroupPointer, DicomTags.PlanePositionSlideSequence);

    private static void AddSpecimen(DicomDataset d, DicomWsiMetadata m, Uids uids) =>
        d.Text(DicomTags.ContainerIdentifier, "LO", m.SlideId)
            .Sequence(DicomTags.IssuerOfTheContainerIdentifierSequence)
            .Sequence(
                DicomTags.ContainerTypeCodeSequence,
                Code("433466003", "SCT", "Microscope slide"))
            .Sequence(
                DicomTags.SpecimenDescriptionSequence,
                new DicomDataset()
                    .Text(DicomTags.SpecimenIdentifier, "LO", m.SlideId)
                    .Text(DicomTags.SpecimenUid, "UI", uids.Specimen)
                    .Sequence(DicomTags.IssuerOfTheSpecimenIdentifierSequence)
                    .Text(DicomTags.SpecimenShortDescription, "LO", "Synthetic H&E section")
                    .Sequence(DicomTags.SpecimenPreparationSequence));

    private static void AddOpticalPath(DicomDataset d, DicomWsiMetadata m) =>
        d.Sequence(
            DicomTags.OpticalPathSequence,
            new DicomDataset()
                .Sequence(
                    DicomTags.IlluminationTypeCodeSequence,
                    Code("111744", "DCM", "Brightfield illumination"))
                .Binary(DicomTags.IccProfile, "OB", SrgbIccProfile.Bytes)
                .Text(DicomTags.ColorSpace, "CS", "SRGB")
                .Text(DicomTags.OpticalPathIdentifier, "SH", "1")
                .Text(DicomTags.OpticalPathDescription, "ST", "Brightfield, white light")
                .Sequence(
                    DicomTags.IlluminationColorCodeSequence,
                    Code("414298005", "SCT", "Full Spectrum"))
                .Text(DicomTags.ObjectiveLensPower, "DS", DicomValues.Integer(m.AppMag))
                .Text(DicomTags.ObjectiveLensNumericalAperture, "DS",
                    DicomValues.Decimal(m.NumericalAperture)));

    private static DicomDataset Code(string value, string scheme, string meaning) =>
        new DicomDataset()
            .Text(DicomTags.CodeValue, "SH", value)
            .Text(DicomTags.CodingSchemeDesignator, "SH", scheme)
            .Text(DicomTags.CodeMeaning, "LO", meaning);
}
