package org.arca.it.web;

import static org.arca.it.web.WebClient.RS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.net.support.Dcmtk;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rendered and thumbnail resources and WADO-URI images, checked pixel by pixel against DCMTK's
 * dcmj2pnm rendering of the same files (CT with rescale and windows, RGB, YBR_FULL_422, JPEG
 * baseline); and frames of encapsulated pixel data with several fragments per frame, with and
 * without a Basic Offset Table.
 */
@ExtendWith(ArquillianExtension.class)
class RenderedIT {
    private static String study;
    private static Samples.Instance ct;
    private static Samples.Instance rgb;
    private static Samples.Instance ybr;
    private static Samples.Instance jpeg;
    private static Samples.Instance jpegLossy12;
    private static Samples.Instance multiNoTable;
    private static Samples.Instance multiTable;
    private static byte[] codestream;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    @BeforeAll
    static void store() throws Exception {
        study = Samples.uid();
        ct = Samples.copy("CT_small.dcm", study);
        rgb = Samples.copy("SC_rgb_small_odd.dcm", study);
        ybr = Samples.copy("SC_ybr_full_422_uncompressed.dcm", study);
        jpeg = Samples.copy("SC_rgb_jpeg_dcmtk.dcm", study);
        jpegLossy12 = Samples.copy("JPEG-lossy.dcm", study);
        multiNoTable = twoFramesInFragments(jpeg, false);
        multiTable = twoFramesInFragments(jpeg, true);
        HttpResponse<String> r = WebClient.stow(RS + "/studies", WebClient.multipart("application/dicom",
                ct.file(), rgb.file(), ybr.file(), jpeg.file(), jpegLossy12.file(), multiNoTable.file(),
                multiTable.file()));
        assertEquals(200, r.statusCode(), r.body());
    }

    /** The JPEG sample as two frames of three fragments each, with or without a Basic Offset Table. */
    private static Samples.Instance twoFramesInFragments(Samples.Instance src, boolean offsetTable) throws Exception {
        FileMetaInformation fmi;
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(src.file()))) {
            fmi = in.readFileMetaInformation();
            ds = in.readDataset();
        }
        Fragments original = ds.getFragments(Tag.PixelData);
        ByteArrayOutputStream cs = new ByteArrayOutputStream();
        for (int i = 1; i < original.size(); i++) {
            cs.write((byte[]) original.get(i));
        }
        codestream = cs.toByteArray();
        int third = (codestream.length / 3) & ~1;
        byte[][] pieces = {java.util.Arrays.copyOfRange(codestream, 0, third),
            java.util.Arrays.copyOfRange(codestream, third, 2 * third),
            java.util.Arrays.copyOfRange(codestream, 2 * third, codestream.length)};
        Fragments fr = new Fragments(Tag.PixelData, VR.OB);
        int frameLength = 3 * 8 + codestream.length; // three item headers and the pieces
        fr.add(offsetTable ? new byte[] {0, 0, 0, 0, (byte) frameLength, (byte) (frameLength >> 8), 0, 0} : new byte[0]);
        for (int f = 0; f < 2; f++) {
            for (byte[] p : pieces) {
                fr.add(p);
            }
        }
        ds.setValue(Tag.PixelData, VR.OB, fr);
        ds.setString(Tag.NumberOfFrames, VR.IS, "2");
        String iuid = Samples.uid();
        ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, src.series());
        fmi.attributes().setString(Tag.MediaStorageSOPInstanceUID, VR.UI, iuid);
        fmi.updateGroupLength();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomOutputStream dos = new DicomOutputStream(out)) {
            dos.writeFile(fmi, ds);
        }
        return new Samples.Instance(src.study(), src.series(), iuid, src.sopClass(), src.tsuid(), out.toByteArray());
    }

    private static String url(Samples.Instance i) {
        return RS + "/studies/" + i.study() + "/series/" + i.series() + "/instances/" + i.sop();
    }

    private static BufferedImage image(HttpResponse<byte[]> r, String type) throws Exception {
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(type, r.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertTrue(img != null, "a decodable " + type);
        return img;
    }

    /** DCMTK's rendering of the instance as PNG, with dcmj2pnm options such as +Ww c w. */
    private static BufferedImage dcmtk(Samples.Instance i, String... options) throws Exception {
        Path in = Files.createTempFile("render", ".dcm");
        Path out = Files.createTempFile("render", ".png");
        try {
            Files.write(in, i.file());
            List<String> cmd = new java.util.ArrayList<>(List.of(Dcmtk.bin("dcmj2pnm"), "+on"));
            cmd.addAll(List.of(options));
            cmd.addAll(List.of(in.toString(), out.toString()));
            Dcmtk.Result r = Dcmtk.exec(30, cmd);
            assertEquals(0, r.exitCode(), r.output());
            return ImageIO.read(out.toFile());
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** {max, mean} absolute difference over the RGB channels of two images of the same size. */
    private static double[] difference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth(), "width");
        assertEquals(a.getHeight(), b.getHeight(), "height");
        long sum = 0;
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) {
                    int d = Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
                    sum += d;
                    max = Math.max(max, d);
                }
            }
        }
        return new double[] {max, sum / (3.0 * a.getWidth() * a.getHeight())};
    }

    /** DCMTK's VOI LUT differs from the formula of PS3.3 C.11.2.1.2 by a few levels on some pixels. */
    private static void assertSameRendering(BufferedImage own, BufferedImage dcmtk, String what) {
        double[] d = difference(own, dcmtk);
        assertTrue(d[1] < 1 && d[0] <= 16, what + ": mean difference " + d[1] + ", max " + d[0]);
    }

    @Test
    void monochromeWindowsAsDcmtkRendersThem() throws Exception {
        BufferedImage own = image(WebClient.getBytes(url(ct) + "/rendered?window=100,500,LINEAR", "image/png"), "image/png");
        assertSameRendering(own, dcmtk(ct, "+Ww", "100", "500"), "explicit window");
        BufferedImage byDefault = image(WebClient.getBytes(url(ct) + "/rendered", "image/png"), "image/png");
        assertSameRendering(byDefault, dcmtk(ct, "+Wm"), "no window in the object: its value range");
        Samples.Instance mr = Samples.copy("MR_small.dcm", study);
        assertEquals(200, WebClient.stow(RS + "/studies", WebClient.multipart("application/dicom", mr.file())).statusCode());
        assertSameRendering(image(WebClient.getBytes(url(mr) + "/rendered", "image/png"), "image/png"),
                dcmtk(mr, "+Wi", "1"), "the object's Window Center/Width");
        BufferedImage jpg = image(WebClient.getBytes(url(ct) + "/rendered", "image/jpeg"), "image/jpeg");
        assertTrue(difference(jpg, byDefault)[1] < 4, "JPEG close to the lossless rendering");
        long small = WebClient.getBytes(url(ct) + "/rendered?quality=5", "image/jpeg").body().length;
        long large = WebClient.getBytes(url(ct) + "/rendered?quality=100", "image/jpeg").body().length;
        assertTrue(small < large, "quality " + small + " < " + large);
        BufferedImage vp = image(WebClient.getBytes(url(ct) + "/rendered?viewport=64,32", "image/jpeg"), "image/jpeg");
        assertEquals(32, vp.getWidth(), "128x128 fit into 64x32 keeps its aspect");
        assertEquals(32, vp.getHeight());
    }

    @Test
    void colourAsDcmtkRendersIt() throws Exception {
        BufferedImage own = image(WebClient.getBytes(url(rgb) + "/rendered", "image/png"), "image/png");
        assertEquals(0, difference(own, dcmtk(rgb))[0], "RGB passes unchanged");
        own = image(WebClient.getBytes(url(ybr) + "/rendered", "image/png"), "image/png");
        assertTrue(difference(own, dcmtk(ybr))[0] <= 2, "YBR_FULL_422 to RGB");
        own = image(WebClient.getBytes(url(jpeg) + "/rendered", "image/png"), "image/png");
        double[] d = difference(own, dcmtk(jpeg));
        assertTrue(d[1] < 2, "JPEG baseline decoded like DCMTK's libijg: mean difference " + d[1]);
    }

    @Test
    void framesSpanningSeveralFragments() throws Exception {
        for (Samples.Instance multi : List.of(multiNoTable, multiTable)) {
            HttpResponse<byte[]> r = WebClient.getBytes(url(multi) + "/frames/2,1",
                    "multipart/related; type=\"application/octet-stream\"");
            assertEquals(200, r.statusCode(), new String(r.body()));
            List<byte[]> frames = MultipartBody.parts(r.body(), r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(2, frames.size());
            assertArrayEquals(codestream, frames.get(0), "frame 2 is its three fragments joined");
            assertArrayEquals(codestream, frames.get(1));
            BufferedImage f2 = image(WebClient.getBytes(url(multi) + "/frames/2/rendered", "image/png"), "image/png");
            assertTrue(difference(f2, dcmtk(jpeg))[1] < 2, "frame 2 renders like the source frame");
            HttpResponse<byte[]> both = WebClient.getBytes(url(multi) + "/rendered", "multipart/related; type=\"image/jpeg\"");
            assertEquals(200, both.statusCode());
            assertEquals(2, MultipartBody.parts(both.body(), both.headers().firstValue("Content-Type").orElseThrow()).size());
        }
        assertEquals(404, WebClient.get(url(multiTable) + "/frames/3/rendered", "image/jpeg").statusCode());
    }

    @Test
    void thumbnailsStudyAndSeriesRenderingAndWadoUri() throws Exception {
        BufferedImage t = image(WebClient.getBytes(RS + "/studies/" + study + "/thumbnail", "image/jpeg"), "image/jpeg");
        assertTrue(t.getWidth() <= 128 && t.getHeight() <= 128);
        t = image(WebClient.getBytes(url(ct) + "/thumbnail?viewport=50,50", "image/png"), "image/png");
        assertEquals(50, t.getWidth());
        image(WebClient.getBytes(RS + "/studies/" + study + "/series/" + ct.series() + "/thumbnail", "*/*"), "image/jpeg");
        HttpResponse<byte[]> series = WebClient.getBytes(RS + "/studies/" + study + "/series/" + ct.series()
                + "/rendered", "multipart/related; type=\"image/jpeg\"");
        assertEquals(200, series.statusCode());
        assertEquals(1, MultipartBody.parts(series.body(), series.headers().firstValue("Content-Type").orElseThrow()).size());

        String wado = WebClient.BASE + "/aets/DCM4CHEE/wado?requestType=WADO&studyUID=" + study + "&seriesUID="
                + ct.series() + "&objectUID=" + ct.sop();
        BufferedImage uri = image(WebClient.getBytes(wado + "&contentType=image/png&windowCenter=100&windowWidth=500",
                "*/*"), "image/png");
        assertSameRendering(uri, dcmtk(ct, "+Ww", "100", "500"), "WADO-URI window");
        image(WebClient.getBytes(wado + "&contentType=image/jpeg&rows=64", "*/*"), "image/jpeg");
        HttpResponse<String> bad = WebClient.get(wado + "&contentType=image/jpeg&windowCenter=100", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("windowWidth"), bad.body());
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        HttpResponse<String> r = WebClient.get(url(ct) + "/rendered?window=abc", "image/jpeg");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("window"), r.body());
        r = WebClient.get(url(ct) + "/rendered?viewport=0,10", "image/jpeg");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("viewport"), r.body());
        assertEquals(406, WebClient.get(url(ct) + "/rendered", "text/html").statusCode());
        assertEquals(404, WebClient.get(RS + "/studies/1.2.3.404/rendered", "image/jpeg").statusCode());
        r = WebClient.get(url(jpegLossy12) + "/rendered", "image/jpeg");
        assertEquals(406, r.statusCode(), "12-bit JPEG is not decoded by javax.imageio: " + r.body());
    }
}
