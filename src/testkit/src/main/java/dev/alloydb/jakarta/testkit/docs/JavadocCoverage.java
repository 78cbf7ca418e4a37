package dev.alloydb.jakarta.testkit.docs;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the published API that has no Javadoc comment: public and protected types, constructors, methods, fields
 * and enum constants of public types (members of interfaces are public unless private). Methods marked
 * {@code @Override} inherit their comment and are left out. This is what javadoc's doclint "missing" group reports
 * as "no comment", without its demand (on JDK 17) for {@code @param} and {@code @return} on every one-line comment.
 * The sources are parsed, not compiled, so no class path is needed.
 */
public final class JavadocCoverage {
  private JavadocCoverage() {
  }

  /**
   * The undocumented declarations in the {@code .java} files under {@code sourceRoot}, each as
   * {@code file:line: name}, leaving out the packages {@code skipPackage} accepts (the internal ones, which are not
   * published).
   */
  public static List<String> undocumented(Path sourceRoot, Predicate<String> skipPackage) throws IOException {
    Path root = sourceRoot.toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> missing = new ArrayList<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, fileManager, diagnostic -> { }, List.of("-proc:none"), null,
          fileManager.getJavaFileObjectsFromPaths(files));
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        if (skipPackage.test(packageName)) {
          continue;
        }
        new TreePathScanner<Void, Boolean>() {
          @Override
          public Void visitClass(ClassTree type, Boolean inInterface) {
            if (!published(type.getModifiers(), inInterface)) {
              return null; // nothing inside a type that is not published is API
            }
            require(type, type.getSimpleName().toString());
            boolean membersPublic = type.getKind() == Tree.Kind.INTERFACE
                || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
            for (Tree member : type.getMembers()) {
              scan(member, membersPublic);
            }
            return null;
          }

          @Override
          public Void visitMethod(MethodTree method, Boolean inInterface) {
            boolean overrides = method.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
            if (published(method.getModifiers(), inInterface) && !overrides) {
              String name = method.getName().contentEquals("<init>")
                  ? ((ClassTree) getCurrentPath().getParentPath().getLeaf()).getSimpleName().toString()
                  : method.getName().toString();
              require(method, name + "()");
            }
            return null; // not into the body: local and anonymous classes are not API
          }

          @Override
          public Void visitVariable(VariableTree field, Boolean inInterface) {
            if (published(field.getModifiers(), inInterface)) {
              require(field, field.getName().toString());
            }
            return null;
          }

          private void require(Tree tree, String name) {
            if (docs.getDocCommentTree(getCurrentPath()) == null) {
              long line = unit.getLineMap().getLineNumber(
                  docs.getSourcePositions().getStartPosition(unit, tree));
              missing.add(relative(root, unit) + ":" + line + ": " + name);
            }
          }
        }.scan(unit, false);
      }
    }
    return missing;
  }

  // As strings: Path.relativize refused the file object's path in connector-lib's test JVM ("'other' is different
  // type of Path").
  private static String relative(Path root, CompilationUnitTree unit) {
    String file = unit.getSourceFile().toUri().getPath();
    String prefix = root.toUri().getPath();
    return file.startsWith(prefix) ? file.substring(prefix.length()) : file;
  }

  private static boolean published(ModifiersTree modifiers, boolean inInterface) {
    if (inInterface) {
      return !modifiers.getFlags().contains(Modifier.PRIVATE);
    }
    return modifiers.getFlags().contains(Modifier.PUBLIC) || modifiers.getFlags().contains(Modifier.PROTECTED);
  }
}
