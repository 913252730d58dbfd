package dev.csrlab.log.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.Value;
import dev.csrlab.log.tensorboard.proto.DataClass;
import dev.csrlab.log.tensorboard.proto.DataType;
import dev.csrlab.log.tensorboard.proto.HParamsPluginData;
import dev.csrlab.log.tensorboard.proto.SessionEndInfo;
import dev.csrlab.log.tensorboard.proto.SessionStartInfo;
import dev.csrlab.log.tensorboard.proto.Status;
import dev.csrlab.log.tensorboard.proto.Summary;
import dev.csrlab.log.tensorboard.proto.SummaryMetadata;
import dev.csrlab.log.tensorboard.proto.TensorProto;
import dev.csrlab.log.tensorboard.proto.TensorShapeProto;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds {@link Summary.Value}s in the shapes stock TensorBoard reads (STACK.md): scalars as {@code
 * simple_value} (a DT_DOUBLE tensor would be silently dropped), images as {@code Summary.Image},
 * text as a rank-0 DT_STRING tensor with plugin {@code text}, hparams as serialised {@link
 * HParamsPluginData} in the plugin content.
 */
public final class Summaries {
  public static final String HPARAMS_PLUGIN = "hparams";
  public static final String TEXT_PLUGIN = "text";
  public static final String SESSION_START_TAG = "_hparams_/session_start_info";
  public static final String SESSION_END_TAG = "_hparams_/session_end_info";

  private Summaries() {}

  public static Summary.Value scalar(String tag, float value) {
    return Summary.Value.newBuilder().setTag(tag).setSimpleValue(value).build();
  }

  /**
   * @param colorspace 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA — must match the PNG's channels
   */
  public static Summary.Value image(String tag, byte[] png, int width, int height, int colorspace) {
    Summary.Image image =
        Summary.Image.newBuilder()
            .setWidth(width)
            .setHeight(height)
            .setColorspace(colorspace)
            .setEncodedImageString(ByteString.copyFrom(png))
            .build();
    return Summary.Value.newBuilder().setTag(tag).setImage(image).build();
  }

  /** Markdown text (the text plugin renders tables, lists and code). */
  public static Summary.Value text(String tag, String markdown) {
    TensorProto tensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_STRING)
            .setTensorShape(TensorShapeProto.getDefaultInstance())
            .addStringVal(ByteString.copyFrom(markdown, StandardCharsets.UTF_8))
            .build();
    return Summary.Value.newBuilder()
        .setTag(tag)
        .setMetadata(metadata(TEXT_PLUGIN, ByteString.EMPTY))
        .setTensor(tensor)
        .build();
  }

  /**
   * The hparams plugin's session start: one session per run directory.
   *
   * @param hparams values must be {@link Number}, {@link Boolean} or {@link CharSequence} (others
   *     are written as their {@code toString()})
   * @param groupName sessions with the same group are aggregated by the dashboard
   */
  public static Summary.Value sessionStart(
      Map<String, ?> hparams, String groupName, double startTimeSecs) {
    SessionStartInfo.Builder info =
        SessionStartInfo.newBuilder().setGroupName(groupName).setStartTimeSecs(startTimeSecs);
    hparams.forEach((k, v) -> info.putHparams(k, protoValue(v)));
    HParamsPluginData data =
        HParamsPluginData.newBuilder().setVersion(0).setSessionStartInfo(info).build();
    return hparamsValue(SESSION_START_TAG, data);
  }

  /** The hparams plugin's session end with the run's final status. */
  public static Summary.Value sessionEnd(Status status, double endTimeSecs) {
    SessionEndInfo info =
        SessionEndInfo.newBuilder().setStatus(status).setEndTimeSecs(endTimeSecs).build();
    HParamsPluginData data =
        HParamsPluginData.newBuilder().setVersion(0).setSessionEndInfo(info).build();
    return hparamsValue(SESSION_END_TAG, data);
  }

  private static Summary.Value hparamsValue(String tag, HParamsPluginData data) {
    // TensorFlow's hparams summaries carry a dummy scalar tensor; the plugin reads only metadata.
    TensorProto nullTensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(TensorShapeProto.getDefaultInstance())
            .addFloatVal(0f)
            .build();
    return Summary.Value.newBuilder()
        .setTag(tag)
        .setMetadata(metadata(HPARAMS_PLUGIN, data.toByteString()))
        .setTensor(nullTensor)
        .build();
  }

  private static SummaryMetadata metadata(String plugin, ByteString content) {
    return SummaryMetadata.newBuilder()
        .setPluginData(
            SummaryMetadata.PluginData.newBuilder().setPluginName(plugin).setContent(content))
        .setDataClass(DataClass.DATA_CLASS_TENSOR)
        .build();
  }

  static Value protoValue(Object v) {
    if (v instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    if (v instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    return Value.newBuilder().setStringValue(String.valueOf(v)).build();
  }
}
