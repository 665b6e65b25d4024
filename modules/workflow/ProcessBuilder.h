// Private to the workflow module: the builder behind ProcessParser, shared by the file that reads the XML
// (ProcessParser.cpp) and the one that resolves and checks the graph (ProcessGraph.cpp).
#pragma once

#include "workflow/ProcessParser.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QXmlStreamAttributes>

#include <memory>
#include <vector>

namespace casedesk::workflow::detail {

inline const QString bpmnNs = QStringLiteral("http://www.omg.org/spec/BPMN/20100524/MODEL");

// The document as a tree, read once; the builder walks it in whatever order the references need.
struct XmlNode {
    QString ns;
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    int line = 0;
    std::vector<XmlNode> children;

    bool is(const char *localName) const { return ns == bpmnNs && name == QLatin1String(localName); }
    QString attr(const char *localName) const { return attributes.value(QLatin1String(localName)).toString(); }
    QString attr(const QString &namespaceUri, const char *localName) const
    {
        return attributes.value(namespaceUri, QLatin1String(localName)).toString();
    }
    const XmlNode *child(const char *localName) const
    {
        for (const XmlNode &node : children) {
            if (node.is(localName))
                return &node;
        }
        return nullptr;
    }
};

class Builder {
public:
    ParsedModel run(const QByteArray &bpmn);

private:
    void problem(const QString &id, int line, const QString &message) { m_problems.append({id, line, message}); }
    void unsupported(const XmlNode &node, const QString &ownerId = {});
    bool readTree(const QByteArray &bpmn, XmlNode *root);
    void collectIds(const XmlNode &node);
    const XmlNode *chooseProcess(const XmlNode &definitions);
    void readScope(const XmlNode &scopeNode, int scope);
    void readLanes(const XmlNode &laneSet, const QString &outerLane);
    void readFlowNode(const XmlNode &node, ElementType type, int scope);
    void readActivityChildren(const XmlNode &node, const QString &id);
    bool readEventDefinitions(const XmlNode &node, const QString &id, ElementType *type);
    void readTimer(const XmlNode &definition, const XmlNode &event, Element *element);
    void applyCalendar(Element *element, const QString &calendar, int line);
    void readUserTask(const XmlNode &node, Element *element);
    void readServiceTask(const XmlNode &node, Element *element);
    void readFlow(const XmlNode &node, int scope);
    void resolve();
    void checkGraph();
    void computeUpstream();

    QList<ModelProblem> m_problems;
    std::shared_ptr<ProcessModel::Data> m_data = std::make_shared<ProcessModel::Data>();
    QSet<QString> m_ids;
    QHash<QString, QString> m_laneOf; // flow node id -> innermost lane name
    QHash<QString, int> m_laneLine;   // lane name -> line, for problems
    QString m_processCalendar;
    // Raw references resolved once every element is known.
    struct PendingFlow {
        QString source;
        QString target;
        int scope = -1;
    };
    QList<PendingFlow> m_pendingFlows;
    QMap<int, QString> m_pendingDefault;
    QMap<int, QString> m_pendingAttached;
    QMap<int, QString> m_pendingFourEyes;
    QMap<int, int> m_pendingTimer;        // boundary events whose calendar depends on their task -> timer line
    QHash<QString, QString> m_calendarOf; // activity id -> its casedesk:calendar
    QSet<QString> m_unresolvedSources;    // elements whose outgoing flow was already reported
    int m_processLine = 0;
};

} // namespace casedesk::workflow::detail
