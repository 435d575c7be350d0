/**
 * Types that magic bytes cannot tell apart, or that are names for the same bytes: a declared type
 * or an extension agrees with a detected type when one family holds both. A type may sit in more
 * than one family (an encrypted .docx is an OLE file, a plain one a zip). A type pattern may start
 * or end with `*`. A container's family holds the formats built on it, because file-type names
 * only the container when the head does not show which format is inside.
 */
const FAMILIES: { types: string; exts: string; container?: true }[] = [
  { types: "image/jpeg image/jpg image/pjpeg", exts: "jpg jpeg jpe jfif pjpeg pjp" },
  { types: "image/png image/apng image/vnd.mozilla.apng", exts: "png apng" },
  { types: "image/gif", exts: "gif" },
  { types: "image/webp", exts: "webp" },
  { types: "image/bmp image/x-ms-bmp", exts: "bmp dib" },
  { types: "image/x-icon image/vnd.microsoft.icon image/ico", exts: "ico cur" },
  // Camera raw files are TIFF underneath, or at least named as one family by the tools that make them.
  {
    types: "image/tiff image/tif image/x-adobe-dng image/x-canon-* image/x-nikon-nef image/x-sony-arw image/x-olympus-orf image/x-panasonic-rw2 image/x-fujifilm-raf",
    exts: "tif tiff dng cr2 cr3 nef nrw arw srf sr2 orf rw2 raf pef",
  },
  { types: "image/heic image/heif image/heic-sequence image/heif-sequence image/avif image/avif-sequence", exts: "heic heif heics heifs hif avif" },
  { types: "image/vnd.adobe.photoshop application/x-photoshop application/photoshop application/psd image/psd", exts: "psd psb" },
  { types: "image/jp2 image/jpx image/jpm image/mj2 image/j2c video/mj2", exts: "jp2 j2k j2c jpx jpf jpm mj2" },
  { types: "audio/mpeg audio/mp3 audio/mpeg3 audio/x-mpeg-3 audio/mpg", exts: "mp3 mp2 mp1 mpga m2a" },
  { types: "audio/aac audio/aacp", exts: "aac adts" },
  // ISO base media: the brand decides between these names, and tools pick brands loosely.
  {
    types: "video/mp4 audio/mp4 application/mp4 audio/x-m4a audio/x-m4b audio/x-m4p video/x-m4v video/quicktime video/3gpp video/3gpp2 audio/3gpp audio/3gpp2 audio/aac",
    exts: "mp4 m4a m4b m4p m4v mov qt 3gp 3g2 f4v f4a f4b f4p aac",
  },
  { types: "video/x-matroska audio/x-matroska video/webm audio/webm", exts: "mkv mka mks mk3d webm" },
  { types: "application/ogg audio/ogg video/ogg audio/opus audio/vorbis audio/speex", exts: "ogg oga ogv ogx opus spx" },
  { types: "audio/wav audio/wave audio/vnd.wave", exts: "wav wave" },
  { types: "video/vnd.avi video/avi video/x-msvideo", exts: "avi" },
  { types: "audio/flac", exts: "flac" },
  { types: "audio/aiff audio/aifc", exts: "aif aiff aifc" },
  { types: "audio/midi audio/mid audio/sp-midi", exts: "mid midi kar" },
  { types: "video/x-ms-asf audio/x-ms-asf application/vnd.ms-asf video/x-ms-wmv audio/x-ms-wma video/x-ms-wm", exts: "asf wmv wma" },
  { types: "video/mpeg video/mp1s video/mp2p video/mpg", exts: "mpg mpeg mpe m1v m2v vob" },
  { types: "video/mp2t", exts: "ts m2ts mts" },
  { types: "video/x-flv", exts: "flv" },
  // Illustrator files are PDF or PostScript inside, and viewers open all of these alike.
  { types: "application/pdf application/acrobat application/postscript application/eps image/eps application/illustrator", exts: "pdf ai ps eps" },
  {
    types:
      "application/zip application/x-zip-compressed application/zip-compressed application/x-compressed application/vnd.openxmlformats-officedocument.* *macroenabled.12 " +
      "application/vnd.oasis.opendocument.* *+zip application/java-archive application/vnd.android.package-archive application/x-xpinstall model/3mf " +
      "application/vnd.visio application/vnd.apple.* application/vnd.google-earth.kmz application/vnd.ms-xpsdocument application/oxps",
    exts:
      "zip docx docm dotx dotm xlsx xlsm xltx xltm pptx pptm potx potm ppsx ppsm odt ods odp odg ott ots otp otg " +
      "epub jar war ear apk aab xpi 3mf vsdx key numbers pages kmz xps oxps ipa whl nupkg msix appx cbz usdz",
    container: true,
  },
  // OLE compound files: Office 97-2003, Outlook, installers, and password-protected Office 2007+ files.
  {
    types:
      "application/x-cfb application/x-ole-storage application/msword application/vnd.ms-excel application/vnd.ms-powerpoint application/vnd.ms-outlook application/x-msi " +
      "application/vnd.visio application/vnd.ms-publisher application/vnd.ms-project application/vnd.openxmlformats-officedocument.* *macroenabled.12",
    exts: "doc dot xls xlt ppt pot pps msg msi vsd pub mpp docx docm xlsx xlsm pptx pptm",
    container: true,
  },
  { types: "application/gzip application/gzip-compressed application/x-gtar application/x-tgz application/x-compressed-tar application/x-compressed", exts: "gz tgz gzip" },
  { types: "application/x-tar", exts: "tar" },
  { types: "application/x-bzip2 application/x-bzip", exts: "bz2 tbz tbz2" },
  { types: "application/x-7z-compressed", exts: "7z" },
  { types: "application/x-rar-compressed application/vnd.rar application/x-rar", exts: "rar" },
  { types: "application/x-xz", exts: "xz txz" },
  { types: "application/zstd", exts: "zst" },
  {
    types: "application/x-msdownload application/vnd.microsoft.portable-executable application/x-msdos-program application/x-dosexec application/exe application/dos-exe",
    exts: "exe dll sys scr ocx cpl efi drv",
  },
  // A font's magic says which outlines it has, not whether it was named .ttf or .otf.
  {
    types: "font/ttf font/otf font/sfnt font/collection application/font-sfnt application/x-font-ttf application/x-font-truetype application/x-font-opentype",
    exts: "ttf otf ttc",
  },
  { types: "font/woff application/font-woff", exts: "woff" },
  { types: "font/woff2", exts: "woff2" },
  { types: "application/x-sqlite3 application/vnd.sqlite3", exts: "sqlite sqlite3" },
  { types: "application/wasm", exts: "wasm" },
  { types: "application/x-shockwave-flash application/vnd.adobe.flash.movie", exts: "swf" },
  { types: "application/x-deb application/vnd.debian.binary-package application/x-debian-package", exts: "deb" },
  { types: "application/x-rpm application/x-redhat-package-manager", exts: "rpm" },
  { types: "application/x-apple-diskimage", exts: "dmg" },
  // Magic bytes tell little about text: XML, SVG, calendars and plain text are one family here.
  {
    types: "text/* application/xml *+xml application/json *+json application/rtf",
    exts: "txt text csv tsv md markdown html htm xhtml xml svg json ics vcf vtt srt rtf log yaml yml kml gpx",
  },
];

/** The comparable form of a MIME type: lower case, no parameters, no `x-` prefix on the subtype. */
export function canonicalType(type: string): string {
  return type.split(";")[0].trim().toLowerCase().replace("/x-", "/");
}

function matches(pattern: string, type: string): boolean {
  if (pattern.startsWith("*")) return type.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export interface TypeFamily {
  types: string[];
  exts: string[];
  container: boolean;
}

const families: TypeFamily[] = FAMILIES.map(({ types, exts, container }) => ({
  types: types.split(" ").map(canonicalType),
  exts: exts.split(" "),
  container: container ?? false,
}));

/** The families a canonical type belongs to. */
export function familiesOfType(type: string): TypeFamily[] {
  return families.filter((family) => family.types.some((pattern) => matches(pattern, type)));
}

/** The families a lower-case file extension (without the dot) belongs to. */
export function familiesOfExtension(ext: string): TypeFamily[] {
  return families.filter((family) => family.exts.includes(ext));
}
