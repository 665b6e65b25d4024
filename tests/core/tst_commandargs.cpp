// Arguments of the commands: rejection of malformed command envelopes and arguments with the field named (the
// CommandLimits one character over), and the argument forms that must be accepted and survive the codec.
#include "core/Command.h"
#include "core/Uuid.h"

#include <QJsonArray>
#include <QTest>

#include <optional>

#include "JsonSamples.h"

using namespace casedesk;
using namespace casedesk::test;

class TestCommandArgs : public QObject {
    Q_OBJECT

private slots:
    void malformed_data();
    void malformed();
    void commandArgsAccepted_data();
    void commandArgsAccepted();
};

void TestCommandArgs::malformed_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QString>("path");     // dotted path of the value to replace
    QTest::addColumn<QJsonValue>("value"); // undefined: remove it
    QTest::addColumn<QString>("field");    // the field the message must name

    const QJsonValue removed(QJsonValue::Undefined);
    const auto row = [](const char *tag, const QString &type, const QJsonObject &base, const char *path,
                        const QJsonValue &value, const char *field = nullptr) {
        QTest::newRow(tag) << type << base << QString::fromLatin1(path) << value
                           << QString::fromLatin1(field ? field : path);
    };
    const QString commandType = QStringLiteral("command");
    const QList<Command> commands = sampleCommands();
    const QJsonObject create = commands.at(0).toJson();
    const QJsonObject setFields = commands.at(1).toJson();
    const QJsonObject assign = commands.at(2).toJson();
    const QJsonObject claim = commands.at(3).toJson();
    const QJsonObject addNote = commands.at(4).toJson();
    const QJsonObject followUp = commands.at(5).toJson();
    row("command: unknown name", commandType, create, "name", QStringLiteral("deleteCase"));
    row("command: id missing", commandType, create, "id", removed);
    row("command: client id garbage", commandType, create, "clientId", QStringLiteral("laptop-7"));
    row("command: negative sequence", commandType, create, "clientSeq", -1);
    row("command: sequence missing", commandType, create, "clientSeq", removed);
    row("command: made at missing", commandType, create, "madeAt", removed);
    row("command: args missing", commandType, create, "args", removed);
    row("command: args a list", commandType, create, "args", QJsonArray());
    row("createCase: case missing", commandType, create, "args.case", removed, "args.case");
    row("createCase: other case id", commandType, create, "args.case.id",
        QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-ffffffffffff"));
    row("createCase: bad date inside", commandType, create, "args.case.receivedDate", QStringLiteral("morgen"));
    row("setFields: no fields", commandType, setFields, "args.fields", QJsonObject());
    row("setFields: fields a list", commandType, setFields, "args.fields", QJsonArray());
    row("setFields: edit not an object", commandType, setFields, "args.fields.kennzeichen", QStringLiteral("S-X 1"));
    row("setFields: old missing", commandType, setFields, "args.fields.kennzeichen.old", removed,
        "args.fields.kennzeichen");
    row("setFields: new missing", commandType, setFields, "args.fields.kennzeichen.new", removed,
        "args.fields.kennzeichen");
    row("assign: expected missing", commandType, assign, "args.expected", removed);
    row("assign: assignee garbage", commandType, assign, "args.assignee", QStringLiteral("Frau Müller"));
    row("assign: assignee null", commandType, assign, "args.assignee", QJsonValue::Null);
    row("claim: expected a number", commandType, claim, "args.expected", 5);
    row("addNote: note missing", commandType, addNote, "args.note", removed);
    row("addNote: note of another case", commandType, addNote, "args.note.caseId",
        QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-ffffffffffff"));
    row("setFollowUp: German date", commandType, followUp, "args.date", QStringLiteral("16.03.2026"));
    row("setFollowUp: date missing", commandType, followUp, "args.date", removed);

    // The limits are CommandLimits', one character over each.
    const QString longId(CommandLimits::IdLength + 1, u'x');
    const QString longText(CommandLimits::TextLength + 1, u'ä');
    const QString longName = QString(CommandLimits::NameLength - 3, u'ß') + QStringLiteral(".pdf");
    const QJsonObject completeTask = commands.at(6).toJson();
    const QJsonObject attach = commands.at(7).toJson();
    const QJsonObject updateMeta = commands.at(8).toJson();
    const QJsonObject consult = commands.at(9).toJson();
    const QJsonObject deputy = commands.at(10).toJson();
    const QJsonObject endConsult = commands.at(11).toJson();
    row("completeTask: task id missing", commandType, completeTask, "args.taskId", removed);
    row("completeTask: task id blank", commandType, completeTask, "args.taskId", QStringLiteral(" "));
    row("completeTask: task id a number", commandType, completeTask, "args.taskId", 3);
    row("completeTask: task id too long", commandType, completeTask, "args.taskId", longId);
    row("completeTask: outcome a bool", commandType, completeTask, "args.outcome", true);
    row("completeTask: outcome too long", commandType, completeTask, "args.outcome", longId);
    row("completeTask: note an object", commandType, completeTask, "args.note", QJsonObject());
    row("completeTask: note too long", commandType, completeTask, "args.note", longText);
    row("addNote: text blank", commandType, addNote, "args.note.text", QStringLiteral(" \n"));
    row("addNote: text missing", commandType, addNote, "args.note.text", removed);
    row("addNote: text too long", commandType, addNote, "args.note.text", longText);
    row("attachDocument: document missing", commandType, attach, "args.document", removed);
    row("attachDocument: document a string", commandType, attach, "args.document", QStringLiteral("scan.pdf"));
    row("attachDocument: document of another case", commandType, attach, "args.document.caseId",
        QStringLiteral("0190f5c2-7d1e-7a3b-8c4d-ffffffffffff"));
    row("attachDocument: bad hash inside", commandType, attach, "args.document.sha256", QStringLiteral("abc"));
    row("attachDocument: name missing", commandType, attach, "args.document.name", removed);
    row("attachDocument: name blank", commandType, attach, "args.document.name", QStringLiteral("  "));
    row("attachDocument: name too long", commandType, attach, "args.document.name", longName);
    row("attachDocument: text too long", commandType, attach, "args.document.text", longText);
    row("createCase: title too long", commandType, create, "args.case.title",
        QString(CommandLimits::TitleLength + 1, u'ü'));
    row("attachDocument: too large", commandType, attach, "args.document.size", CommandLimits::DocumentSize + 1);
    row("updateDocumentMeta: document id missing", commandType, updateMeta, "args.documentId", removed);
    row("updateDocumentMeta: document id garbage", commandType, updateMeta, "args.documentId",
        QStringLiteral("Fahrzeugschein"));
    row("updateDocumentMeta: name blank", commandType, updateMeta, "args.name", QString());
    row("updateDocumentMeta: name a number", commandType, updateMeta, "args.name", 7);
    row("updateDocumentMeta: name too long", commandType, updateMeta, "args.name", longName);
    row("updateDocumentMeta: unknown kind", commandType, updateMeta, "args.kind", QStringLiteral("foto"));
    row("updateDocumentMeta: kind a number", commandType, updateMeta, "args.kind", 1);
    row("updateDocumentMeta: neither name nor kind", commandType, withValue(updateMeta, u"args.kind", removed),
        "args.name", removed);
    row("requestConsultation: team missing", commandType, consult, "args.team", removed);
    row("requestConsultation: team empty", commandType, consult, "args.team", QString());
    row("requestConsultation: team nil", commandType, consult, "args.team",
        QStringLiteral("00000000-0000-0000-0000-000000000000"));
    row("requestConsultation: team a list", commandType, consult, "args.team", QJsonArray());
    row("endConsultation: team missing", commandType, endConsult, "args.team", removed);
    row("endConsultation: team garbage", commandType, endConsult, "args.team", QStringLiteral("Naturschutz"));
    row("setDeputy: user missing", commandType, deputy, "args.user", removed);
    row("setDeputy: user garbage", commandType, deputy, "args.user", QStringLiteral("j.mueller-weiss"));
    row("setDeputy: deputy missing", commandType, deputy, "args.deputy", removed);
    row("setDeputy: deputy null", commandType, deputy, "args.deputy", QJsonValue::Null);
    row("setDeputy: deputy garbage", commandType, deputy, "args.deputy", QStringLiteral("Frau Weiß"));
    row("setDeputy: German from", commandType, deputy, "args.from", QStringLiteral("02.03.2026"));
    row("setDeputy: until a number", commandType, deputy, "args.until", 20260313);
    row("setDeputy: until before from", commandType, deputy, "args.until", QStringLiteral("2026-03-01"));
}

void TestCommandArgs::malformed()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, base);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);

    QString unstable;
    // The unmodified sample is valid, so the rejection below is caused by the change alone.
    QVERIFY(!codec(type).parse(base, &unstable).has_value());
    const std::optional<Error> error = codec(type).parse(withValue(base, path, value), &unstable);
    QVERIFY2(error.has_value(), "accepted");
    QCOMPARE(error->code, ErrorCode::Invalid);
    QVERIFY2(error->message.contains(u'“' + field + u'”'), qPrintable(error->toString()));
}

void TestCommandArgs::commandArgsAccepted_data()
{
    QTest::addColumn<int>("name");
    QTest::addColumn<QJsonObject>("args");

    const auto row = [](const char *tag, CommandName name, const QJsonObject &args) {
        QTest::newRow(tag) << int(name) << args;
    };
    const QString longestId(CommandLimits::IdLength, u'x');
    const QString longestText(CommandLimits::TextLength, u'ä');
    const QString longestName = QString(CommandLimits::NameLength - 4, u'ß') + QStringLiteral(".pdf");
    const QString taskId = QStringLiteral("taskId");
    const QString outcome = QStringLiteral("outcome");
    const QString noteKey = QStringLiteral("note");
    row("completeTask: outcome and Vermerk", CommandName::CompleteTask,
        {{taskId, QStringLiteral("pruefung")},
         {outcome, QStringLiteral("genehmigt")},
         {noteKey, QStringLiteral("Nachweise vollständig.")}});
    row("completeTask: empty outcome and Vermerk", CommandName::CompleteTask,
        {{taskId, QStringLiteral("pruefung")}, {outcome, QString()}, {noteKey, QString()}});
    row("completeTask: null outcome and Vermerk", CommandName::CompleteTask,
        {{taskId, QStringLiteral("pruefung")}, {outcome, QJsonValue::Null}, {noteKey, QJsonValue::Null}});
    row("completeTask: longest texts", CommandName::CompleteTask,
        {{taskId, longestId}, {outcome, longestId}, {noteKey, longestText}});
    // A newer client's extra argument does not block the command.
    row("completeTask: unknown key", CommandName::CompleteTask,
        {{taskId, QStringLiteral("pruefung")}, {QStringLiteral("signature"), 1}});

    Note longNote = sampleNote();
    longNote.text = longestText;
    row("addNote: longest text", CommandName::AddNote, {{noteKey, longNote.toJson()}});

    const QString documentKey = QStringLiteral("document");
    DocumentRef longDocument = attachableDocument();
    longDocument.name = longestName;
    longDocument.text = longestText;
    row("attachDocument: longest name and text", CommandName::AttachDocument, {{documentKey, longDocument.toJson()}});
    DocumentRef bare = attachableDocument();
    bare.text.clear();
    bare.mimeType.clear();
    bare.kind = DocumentKind::Other;
    bare.addedAt = QDateTime();
    row("attachDocument: name only", CommandName::AttachDocument, {{documentKey, bare.toJson()}});

    const QString documentId = uuidToString(sampleDocument().id);
    row("updateDocumentMeta: name only", CommandName::UpdateDocumentMeta,
        {{QStringLiteral("documentId"), documentId}, {QStringLiteral("name"), longestName}});
    row("updateDocumentMeta: kind only", CommandName::UpdateDocumentMeta,
        {{QStringLiteral("documentId"), documentId}, {QStringLiteral("kind"), QStringLiteral("letter")}});
    row("updateDocumentMeta: null kind", CommandName::UpdateDocumentMeta,
        {{QStringLiteral("documentId"), documentId},
         {QStringLiteral("name"), QStringLiteral("Bescheid.pdf")},
         {QStringLiteral("kind"), QJsonValue::Null}});

    row("requestConsultation: team in braces", CommandName::RequestConsultation,
        {{QStringLiteral("team"), QStringLiteral("{0190f5c2-0000-7000-8000-0000000000e2}")}});

    const QString user = uuidToString(clerkId);
    const QString deputy = QStringLiteral("0190f5c2-0000-7000-8000-00000000a002");
    row("setDeputy: end the deputyships", CommandName::SetDeputy,
        {{QStringLiteral("user"), user}, {QStringLiteral("deputy"), QString()}});
    row("setDeputy: open-ended", CommandName::SetDeputy,
        {{QStringLiteral("user"), user}, {QStringLiteral("deputy"), deputy}});
    row("setDeputy: from only", CommandName::SetDeputy,
        {{QStringLiteral("user"), user},
         {QStringLiteral("deputy"), deputy},
         {QStringLiteral("from"), QStringLiteral("2026-03-02")}});
    row("setDeputy: until only, from null", CommandName::SetDeputy,
        {{QStringLiteral("user"), user},
         {QStringLiteral("deputy"), deputy},
         {QStringLiteral("from"), QJsonValue::Null},
         {QStringLiteral("until"), QStringLiteral("2026-03-13")}});
    row("setDeputy: one day", CommandName::SetDeputy,
        {{QStringLiteral("user"), user},
         {QStringLiteral("deputy"), deputy},
         {QStringLiteral("from"), QStringLiteral("2026-03-02")},
         {QStringLiteral("until"), QStringLiteral("2026-03-02")}});
}

void TestCommandArgs::commandArgsAccepted()
{
    QFETCH(int, name);
    QFETCH(QJsonObject, args);
    const Result<void> valid = validateCommandArgs(CommandName(name), args);
    QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().toString()));
    const Command sent = command(CommandName(name), args);
    const Result<Command> parsed = Command::fromJson(sent.toJson());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value(), sent);
}

QTEST_GUILESS_MAIN(TestCommandArgs)
#include "tst_commandargs.moc"
