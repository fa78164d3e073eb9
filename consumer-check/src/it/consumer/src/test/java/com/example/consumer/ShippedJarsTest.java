package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.ConversationSummary;
import ai.poly.data.PolyAiData;
import ai.poly.data.testing.FakeDataApi;
import com.squareup.moshi.Moshi;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kotlin.Unit;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;

/** The library's jars as Maven resolved them for this project, checked from the outside. */
class ShippedJarsTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String CALL = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";

  /** A line of {@code dependency:list}: {@code group:artifact:jar:version:scope -- module ...}. */
  private static final Pattern LISTED_ARTIFACT = Pattern.compile("^\\s+([\\w.-]+:[\\w.-]+):jar:");

  @Test
  void runtimeClosureIsTheLibraryOkHttpOkioRetrofitMoshiKotlinAndJSpecify() throws Exception {
    Set<String> artifacts = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("runtimeDependencies")))) {
      Matcher artifact = LISTED_ARTIFACT.matcher(line);
      if (artifact.find()) {
        artifacts.add(artifact.group(1));
      }
    }

    assertEquals(
        new TreeSet<>(
            List.of(
                "ai.poly:polyai-data-client",
                "ai.poly:polyai-data-generated",
                "com.squareup.moshi:moshi",
                "com.squareup.okhttp3:okhttp",
                "com.squareup.okio:okio-jvm",
                "com.squareup.retrofit2:retrofit",
                "org.jetbrains.kotlin:kotlin-stdlib",
                "org.jspecify:jspecify")),
        artifacts);
  }

  @Test
  void jarsNameTheirJavaModules() throws Exception {
    assertModuleName("ai.poly.data", PolyAiData.class);
    assertModuleName(
        "ai.poly.data.generated", Class.forName("ai.poly.data.generated.api.ConversationsApi"));
    assertModuleName("ai.poly.data.testing", FakeDataApi.class);
  }

  @Test
  void clientRunsAsNamedModulesOnTheModulePath() throws Exception {
    List<Path> modulePath =
        List.of(
            jarOf(PolyAiData.class),
            jarOf(Class.forName("ai.poly.data.generated.api.ConversationsApi")),
            jarOf(Retrofit.class),
            jarOf(OkHttpClient.class),
            jarOf(Buffer.class),
            jarOf(Moshi.class),
            jarOf(Unit.class),
            jarOf(Nullable.class));
    ModuleFinder finder = ModuleFinder.of(modulePath.toArray(new Path[0]));
    Set<String> names =
        finder.findAll().stream()
            .map(reference -> reference.descriptor().name())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        new TreeSet<>(
            List.of(
                "ai.poly.data",
                "ai.poly.data.generated",
                "com.squareup.moshi",
                "kotlin.stdlib",
                "okhttp3",
                "okio",
                "org.jspecify",
                "retrofit2")),
        names);
    // Resolving every module and defining them in a layer fails on any split package.
    Configuration configuration =
        ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), names);
    ModuleLayer layer =
        ModuleLayer.boot()
            .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

    Class<?> clientType = layer.findLoader("ai.poly.data").loadClass("ai.poly.data.PolyAiData");
    assertEquals("ai.poly.data", clientType.getModule().getName());
    try (FakeDataApi fake = FakeDataApi.start()) {
      fake.addSampleConversations(AGENT);
      Object builder = clientType.getMethod("builder").invoke(null);
      Class<?> builderType = builder.getClass();
      builderType.getMethod("apiKey", String.class).invoke(builder, fake.apiKey());
      builderType.getMethod("baseUrl", String.class).invoke(builder, fake.baseUrl());
      try (AutoCloseable client = (AutoCloseable) builderType.getMethod("build").invoke(builder)) {
        Object conversations = clientType.getMethod("conversations").invoke(client);
        Object conversation =
            conversations
                .getClass()
                .getMethod("get", String.class, String.class)
                .invoke(conversations, AGENT, CALL);

        assertEquals("ai.poly.data", conversation.getClass().getModule().getName());
        assertEquals("VOICE-SIP", call(conversation, "channel"));
        assertEquals(5, ((List<?>) call(conversation, "turns")).size());
      }
    }
  }

  @Test
  void nullnessAnnotationsShipInTheClassFiles() throws Exception {
    assertTrue(PolyAiData.class.getPackage().isAnnotationPresent(NullMarked.class));
    assertTrue(FakeDataApi.class.getPackage().isAnnotationPresent(NullMarked.class));
    Method channel = ConversationSummary.class.getMethod("channel");
    assertTrue(channel.getAnnotatedReturnType().isAnnotationPresent(Nullable.class));
    Method conversationId = ConversationSummary.class.getMethod("conversationId");
    assertFalse(conversationId.getAnnotatedReturnType().isAnnotationPresent(Nullable.class));
  }

  private static Object call(Object target, String method) throws Exception {
    return target.getClass().getMethod(method).invoke(target);
  }

  private static void assertModuleName(String expected, Class<?> type) throws Exception {
    Path jar = jarOf(type);
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals(
          expected,
          file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
          "manifest of " + jar);
    }
    Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
    assertEquals(1, modules.size());
    ModuleDescriptor descriptor = modules.iterator().next().descriptor();
    assertEquals(expected, descriptor.name(), "module of " + jar);
    assertTrue(descriptor.isAutomatic());
  }

  private static Path jarOf(Class<?> type) throws Exception {
    Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(path.toString().endsWith(".jar"), type + " comes from " + path + ", not a jar");
    return path;
  }
}
