namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// The DICOM attribute tags the whole-slide writer uses, as (group &lt;&lt; 16) | element
/// (PS3.6 data dictionary).
/// </summary>
internal static class DicomTags
{
    // file meta information (PS3.10 7.1)
    public const uint FileMetaInformationGroupLength = 0x00020000;
    public const uint FileMetaInformationVersion = 0x00020001;
    public const uint MediaStorageSopClassUid = 0x00020002;
    public const uint MediaStorageSopInstanceUid = 0x00020003;
    public const uint TransferSyntaxUid = 0x00020010;
    public const uint ImplementationClassUid = 0x00020012;
    public const uint ImplementationVersionName = 0x00020013;

    // SOP common, study, series, equipment
    public const uint ImageType = 0x00080008;
    public const uint SopClassUid = 0x00080016;
    public const uint SopInstanceUid = 0x00080018;
    public const uint PyramidUid = 0x00080019;
    public const uint StudyDate = 0x00080020;
    public const uint SeriesDate = 0x00080021;
    public const uint ContentDate = 0x00080023;
    public const uint AcquisitionDateTime = 0x0008002A;
    public const uint StudyTime = 0x00080030;
    public const uint SeriesTime = 0x00080031;
    public const uint ContentTime = 0x00080033;
    public const uint AccessionNumber = 0x00080050;
    public const uint Modality = 0x00080060;
    public const uint Manufacturer = 0x00080070;
    public const uint ReferringPhysicianName = 0x00080090;
    public const uint CodeValue = 0x00080100;
    public const uint CodingSchemeDesignator = 0x00080102;
    public const uint CodeMeaning = 0x00080104;
    public const uint SeriesDescription = 0x0008103E;
    public const uint ManufacturerModelName = 0x00081090;
    public const uint FrameType = 0x00089007;
    public const uint VolumetricProperties = 0x00089206;

    // patient
    public const uint PatientName = 0x00100010;
    public const uint PatientId = 0x00100020;
    public const uint PatientBirthDate = 0x00100030;
    public const uint PatientSex = 0x00100040;

    // acquisition and equipment
    public const uint SliceThickness = 0x00180050;
    public const uint DeviceSerialNumber = 0x00181000;
    public const uint SoftwareVersions = 0x00181020;
    public const uint IlluminationTypeCodeSequence = 0x00220016;

    // relationship, frame of reference, dimensions
    public const uint StudyInstanceUid = 0x0020000D;
    public const uint SeriesInstanceUid = 0x0020000E;
    public const uint StudyId = 0x00200010;
    public const uint SeriesNumber = 0x00200011;
    public const uint InstanceNumber = 0x00200013;
    public const uint FrameOfReferenceUid = 0x00200052;
    public const uint PositionReferenceIndicator = 0x00201040;
    public const uint DimensionOrganizationUid = 0x00209164;
    public const uint DimensionIndexPointer = 0x00209165;
    public const uint FunctionalGroupPointer = 0x00209167;
    public const uint DimensionOrganizationSequence = 0x00209221;
    public const uint DimensionIndexSequence = 0x00209222;
    public const uint DimensionOrganizationType = 0x00209311;

    // image pixel
    public const uint SamplesPerPixel = 0x00280002;
    public const uint PhotometricInterpretation = 0x00280004;
    public const uint PlanarConfiguration = 0x00280006;
    public const uint NumberOfFrames = 0x00280008;
    public const uint Rows = 0x00280010;
    public const uint Columns = 0x00280011;
    public const uint PixelSpacing = 0x00280030;
    public const uint BitsAllocated = 0x00280100;
    public const uint BitsStored = 0x00280101;
    public const uint HighBit = 0x00280102;
    public const uint PixelRepresentation = 0x00280103;
    public const uint BurnedInAnnotation = 0x00280301;
    public const uint IccProfile = 0x00282000;
    public const uint ColorSpace = 0x00282002;
    public const uint LossyImageCompression = 0x00282110;
    public const uint LossyImageCompressionRatio = 0x00282112;
    public const uint LossyImageCompressionMethod = 0x00282114;
    public const uint PixelMeasuresSequence = 0x00289110;

    // specimen (Supplement 122)
    public const uint ContainerIdentifier = 0x00400512;
    public const uint IssuerOfTheContainerIdentifierSequence = 0x00400513;
    public const uint ContainerTypeCodeSequence = 0x00400518;
    public const uint SpecimenIdentifier = 0x00400551;
    public const uint SpecimenUid = 0x00400554;
    public const uint AcquisitionContextSequence = 0x00400555;
    public const uint SpecimenDescriptionSequence = 0x00400560;
    public const uint IssuerOfTheSpecimenIdentifierSequence = 0x00400562;
    public const uint SpecimenShortDescription = 0x00400600;
    public const uint SpecimenPreparationSequence = 0x00400610;
    public const uint WholeSlideMicroscopyImageFrameTypeSequence = 0x00400710;
    public const uint XOffsetInSlideCoordinateSystem = 0x0040072A;
    public const uint YOffsetInSlideCoordinateSystem = 0x0040073A;

    // whole slide microscopy image and optical path (Supplement 145)
    public const uint ImagedVolumeWidth = 0x00480001;
    public const uint ImagedVolumeHeight = 0x00480002;
    public const uint ImagedVolumeDepth = 0x00480003;
    public const uint TotalPixelMatrixColumns = 0x00480006;
    public const uint TotalPixelMatrixRows = 0x00480007;
    public const uint TotalPixelMatrixOriginSequence = 0x00480008;
    public const uint SpecimenLabelInImage = 0x00480010;
    public const uint FocusMethod = 0x00480011;
    public const uint ExtendedDepthOfField = 0x00480012;
    public const uint ImageOrientationSlide = 0x00480102;
    public const uint OpticalPathSequence = 0x00480105;
    public const uint OpticalPathIdentifier = 0x00480106;
    public const uint OpticalPathDescription = 0x00480107;
    public const uint IlluminationColorCodeSequence = 0x00480108;
    public const uint ObjectiveLensPower = 0x00480112;
    public const uint ObjectiveLensNumericalAperture = 0x00480113;
    public const uint OpticalPathIdentificationSequence = 0x00480207;
    public const uint PlanePositionSlideSequence = 0x0048021A;
    public const uint ColumnPositionInTotalImagePixelMatrix = 0x0048021E;
    public const uint RowPositionInTotalImagePixelMatrix = 0x0048021F;
    public const uint NumberOfOpticalPaths = 0x00480302;
    public const uint TotalPixelMatrixFocalPlanes = 0x00480303;

    // multi-frame functional groups and pixel data
    public const uint SharedFunctionalGroupsSequence = 0x52009229;
    public const uint ExtendedOffsetTable = 0x7FE00001;
    public const uint ExtendedOffsetTableLengths = 0x7FE00002;
    public const uint PixelData = 0x7FE00010;
    public const uint Item = 0xFFFEE000;
    public const uint SequenceDelimitationItem = 0xFFFEE0DD;
}
